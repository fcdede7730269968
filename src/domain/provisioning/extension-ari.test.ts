import fc from 'fast-check';
import { checkedExtensionAri, extensionAri } from './extension-ari';

const EXTENSION_ARI = /^ari:cloud:ecosystem::extension\/([^/]+)\/([^/]+)\/static\/([^/]+)$/;
const idPart = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,40}$/);

describe('extension ARIs', () => {
  it('builds the reference Jira resolves back to the same app, environment and module', () => {
    fc.assert(
      fc.property(idPart, idPart, idPart, (appId, environmentId, moduleKey) => {
        const built = checkedExtensionAri({ appId, environmentId, moduleKey });
        expect(built).toEqual({ ok: true, value: extensionAri({ appId, environmentId, moduleKey }) });
        expect(EXTENSION_ARI.exec(built.ok ? built.value : '')?.slice(1)).toEqual([appId, environmentId, moduleKey]);
      }),
    );
  });

  it.each([
    ['an id with a slash', { appId: 'app/1', environmentId: 'env', moduleKey: 'key' }, 'appId "app/1"'],
    ['an empty environment', { appId: 'app', environmentId: '', moduleKey: 'key' }, 'environmentId ""'],
    ['a key with a space', { appId: 'app', environmentId: 'env', moduleKey: 'my key' }, 'moduleKey "my key"'],
  ])('refuses %s, naming it', (_label, ref, named) => {
    const built = checkedExtensionAri(ref);
    expect(built.ok ? null : built.error.code).toBe('SETUP.INVALID_EXTENSION_REFERENCE');
    expect(built.ok ? '' : built.error.message).toContain(named);
  });
});
