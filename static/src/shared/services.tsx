import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import type { Host, HostContext } from '../api/host';

export type Services = { readonly api: ApiClient; readonly host: Host; readonly context: HostContext };

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  // Every page is rendered inside ServicesProvider by boot; reaching this is a wiring bug.
  if (services === null) throw new Error('useServices called outside ServicesProvider');
  return services;
}
