import { createContext, useContext, type ReactNode } from 'react';
import type { Session } from '@contract';
import { useResolver } from './use-resolver';

/** The caller's roles, for hiding what they cannot do. The server authorizes every call regardless. */
const SessionContext = createContext<Session | null>(null);

const EMPTY_REQUEST = {};

export function SessionProvider({ children }: { children: ReactNode }) {
  const { state } = useResolver('session/me', EMPTY_REQUEST);
  return <SessionContext.Provider value={state.status === 'success' ? state.data : null}>{children}</SessionContext.Provider>;
}

/** Null until the roles are known, or when they could not be read: callers then offer no edit controls. */
export const useSession = (): Session | null => useContext(SessionContext);
