import { join } from 'node:path';
import { parseManifestModules, readManifestModules } from './manifest-modules';

describe('what the sandbox deploys from the manifest', () => {
  it("reads the app's id and custom fields from manifest.yml", () => {
    const modules = readManifestModules(join(__dirname, '..', '..', '..', 'manifest.yml'));
    expect(modules.appId).toMatch(/^[0-9a-f-]{36}$/);
    expect(modules.customFields).toEqual(
      expect.arrayContaining([
        { key: 'exception-assets', name: 'Exception assets', type: 'object', readOnly: false },
        { key: 'exception-risk-tier', name: 'Exception risk tier', type: 'string', readOnly: true },
      ]),
    );
  });

  it('reads UI modules with the path of their resource, and rules with their messages', () => {
    const modules = parseManifestModules(`
app:
  id: ari:cloud:ecosystem::app/5e4b3a2c-1d0e-4f9a-8b7c-6d5e4f3a2b1c
modules:
  jira:projectPage:
    - key: register-page
      resource: register
      title: Register
  jira:workflowValidator:
    - key: intake-validator
      name: Intake
      function: v
      errorMessage: Not ready
resources:
  - key: register
    path: static/build/register
`);
    expect(modules).toEqual({
      appId: '5e4b3a2c-1d0e-4f9a-8b7c-6d5e4f3a2b1c',
      customFields: [],
      workflowValidators: [{ key: 'intake-validator', name: 'Intake', errorMessage: 'Not ready' }],
      workflowPostFunctions: [],
      uiModules: [{ type: 'jira:projectPage', key: 'register-page', resourcePath: 'static/build/register' }],
    });
  });

  it('refuses a manifest whose app id is not an app ARI', () => {
    expect(() => parseManifestModules('app:\n  id: my-app\nmodules: {}\n')).toThrow(/app ARI/);
  });
});
