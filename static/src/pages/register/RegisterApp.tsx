import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { HostHistory } from '../../api/host';
import { Loading } from '../../shared/feedback';
import { useServices } from '../../shared/services';
import { SessionProvider } from '../../shared/session';
import { ExceptionsTab } from './ExceptionsTab';
import { REGISTER_TABS, formatRegisterQuery, parseRegisterQuery, type RegisterQuery } from './register-query';

// The exceptions table is what most visits need; the other tabs load their code on first use.
const DashboardTab = lazy(() => import('./DashboardTab'));
const ReviewsTab = lazy(() => import('./ReviewsTab'));
const ReportsTab = lazy(() => import('./ReportsTab'));

const TAB_LABELS = { exceptions: 'Exceptions', dashboard: 'Dashboard', reviews: 'Quarterly review', reports: 'Monthly reports' } as const;

/** The project page: the register and its dashboards, with the whole view kept in the product URL. */
export function RegisterApp() {
  const { host } = useServices();
  const [history, setHistory] = useState<HostHistory | null>(null);
  const [query, setQuery] = useState<RegisterQuery | null>(null);

  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let active = true;
    void host.createHistory().then((created) => {
      if (!active) return;
      setHistory(created);
      setQuery(parseRegisterQuery(created.location.search));
      unlisten = created.listen((location) => setQuery(parseRegisterQuery(location.search)));
    });
    return () => {
      active = false;
      unlisten?.();
    };
  }, [host]);

  const show = useCallback(
    (next: RegisterQuery) => {
      if (history === null) return;
      history.push({ pathname: history.location.pathname, search: formatRegisterQuery(next) });
      setQuery(next);
    },
    [history],
  );

  if (query === null) return <Loading label="Opening the register" />;
  const selected = REGISTER_TABS.indexOf(query.tab);
  return (
    <SessionProvider>
      <h1 className="ser-visually-hidden">Security exception register</h1>
      <Tabs id="register-tabs" selected={selected} onChange={(index) => show({ ...query, tab: REGISTER_TABS[index] ?? 'exceptions' })}>
        <TabList>
          {REGISTER_TABS.map((tab) => (
            <Tab key={tab}>{TAB_LABELS[tab]}</Tab>
          ))}
        </TabList>
        {REGISTER_TABS.map((tab) => (
          <TabPanel key={tab}>
            <div className="ser-stack ser-panel">
              {tab === query.tab && (
                <Suspense fallback={<Loading label={`Loading ${TAB_LABELS[tab].toLowerCase()}`} />}>
                  {tab === 'exceptions' && <ExceptionsTab query={query} onChange={show} />}
                  {tab === 'dashboard' && <DashboardTab />}
                  {tab === 'reviews' && <ReviewsTab />}
                  {tab === 'reports' && <ReportsTab />}
                </Suspense>
              )}
            </div>
          </TabPanel>
        ))}
      </Tabs>
    </SessionProvider>
  );
}
