import { join } from 'node:path';
import { ManifestReferenceError, parseManifestModules, readManifestModules } from './manifest-modules';

const APP = 'app:\n  id: ari:cloud:ecosystem::app/5e4b3a2c-1d0e-4f9a-8b7c-6d5e4f3a2b1c\n';

describe('what the sandbox deploys from the manifest', () => {
  it("reads manifest.yml: the app's id, its fields, and a handler for every function module", () => {
    const modules = readManifestModules(join(__dirname, '..', '..', '..', 'manifest.yml'));
    expect(modules.appId).toMatch(/^[0-9a-f-]{36}$/);
    expect(modules.customFields).toEqual(
      expect.arrayContaining([
        { key: 'exception-assets', name: 'Exception assets', type: 'object', readOnly: false },
        { key: 'exception-risk-tier', name: 'Exception risk tier', type: 'string', readOnly: true },
      ]),
    );
    const handlers = [...modules.triggers, ...modules.scheduledTriggers, ...modules.workflowValidators, ...modules.workflowPostFunctions].map(
      (module) => module.handler,
    );
    expect(handlers.every((handler) => /^[A-Za-z_$][\w$]*$/.test(handler))).toBe(true);
    expect(modules.uiModules.map((module) => module.type).sort()).toEqual(['jira:adminPage', 'jira:issuePanel', 'jira:projectPage']);
    for (const module of modules.uiModules) expect(modules.resolvers[module.key]).toBeDefined();
  });

  it('follows each module to the export its function names, and collects every module that has a resolver', () => {
    const modules = parseManifestModules(`${APP}
modules:
  jira:projectPage:
    - key: register-page
      resource: register
      resolver:
        function: ui-fn
  jira:customField:
    - key: exception-assets
      name: Exception assets
      type: object
      resolver:
        function: ui-fn
  jira:workflowValidator:
    - key: intake-validator
      name: Intake
      function: rule-fn
      errorMessage: Not ready
  trigger:
    - key: issue-events
      function: events-fn
      events: [avi:jira:created:issue]
      filter:
        ignoreSelf: true
  scheduledTrigger:
    - key: daily
      function: daily-fn
      interval: day
  function:
    - key: ui-fn
      handler: index.uiResolver
    - key: rule-fn
      handler: index.validateTransition
    - key: events-fn
      handler: index.onIssueEvent
    - key: daily-fn
      handler: index.dailyJobs
`);
    expect(modules).toEqual({
      appId: '5e4b3a2c-1d0e-4f9a-8b7c-6d5e4f3a2b1c',
      customFields: [{ key: 'exception-assets', name: 'Exception assets', type: 'object', readOnly: false }],
      workflowValidators: [{ key: 'intake-validator', name: 'Intake', handler: 'validateTransition', errorMessage: 'Not ready' }],
      workflowPostFunctions: [],
      triggers: [{ key: 'issue-events', handler: 'onIssueEvent', events: ['avi:jira:created:issue'], ignoreSelf: true }],
      scheduledTriggers: [{ key: 'daily', handler: 'dailyJobs', interval: 'day' }],
      uiModules: [{ type: 'jira:projectPage', key: 'register-page' }],
      resolvers: { 'register-page': 'uiResolver', 'exception-assets': 'uiResolver' },
    });
  });

  it('refuses a module whose function the manifest does not declare', () => {
    const manifest = `${APP}modules:\n  scheduledTrigger:\n    - key: daily\n      function: missing-fn\n      interval: day\n`;
    expect(() => parseManifestModules(manifest)).toThrow(ManifestReferenceError);
  });

  it('refuses a manifest whose app id is not an app ARI', () => {
    expect(() => parseManifestModules('app:\n  id: my-app\nmodules: {}\n')).toThrow(/app ARI/);
  });
});
