import { router, view } from '@forge/bridge';
import { toHostContext, type Host, type HostHistory } from './host';

/** Production host: the Forge bridge. Together with forge-transport, the only modules importing it. */
export const forgeHost: Host = {
  getContext: async () => toHostContext(await view.getContext()),
  enableTheme: () => view.theme.enable(),
  createHistory: async (): Promise<HostHistory> => view.createHistory(),
  submit: (value) => view.submit(value),
  close: () => view.close(),
  // Only the workflow rule page configures rules; the other pages do not load the Jira bridge.
  onConfigure: async (configuration) => (await import('@forge/jira-bridge')).workflowRules.onConfigure(configuration),
  navigate: (path) => router.navigate(path),
};
