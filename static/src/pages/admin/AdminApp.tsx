import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { useState } from 'react';
import { canEditPolicy, canRunSetup } from '@contract';
import { SessionProvider, useSession } from '../../shared/session';
import { Integrations } from './Integrations';
import { PolicyEditor } from './PolicyEditor';
import { ProjectSetup } from './ProjectSetup';

const TABS = ['Policy', 'Project set-up', 'Integrations'] as const;

function AdminTabs() {
  const session = useSession();
  const editable = session !== null && canEditPolicy(session);
  const setUp = session !== null && canRunSetup(session);
  const [selected, setSelected] = useState(0);
  return (
    <>
      <h1>Security exception register settings</h1>
      <Tabs id="admin-tabs" selected={selected} onChange={setSelected}>
        <TabList>
          {TABS.map((t) => (
            <Tab key={t}>{t}</Tab>
          ))}
        </TabList>
        <TabPanel>
          <div className="ser-panel">{selected === 0 && <PolicyEditor />}</div>
        </TabPanel>
        <TabPanel>
          <div className="ser-panel">{selected === 1 && <ProjectSetup editable={setUp} />}</div>
        </TabPanel>
        <TabPanel>
          <div className="ser-panel">{selected === 2 && <Integrations editable={editable} />}</div>
        </TabPanel>
      </Tabs>
    </>
  );
}

/** The app's admin page: policy, project set-up and integrations. The resolvers authorize every change. */
export function AdminApp() {
  return (
    <SessionProvider>
      <AdminTabs />
    </SessionProvider>
  );
}
