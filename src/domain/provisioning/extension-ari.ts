import { ok, refuse, type Result } from '../shared/result';

/**
 * A Forge module is referenced from a workflow by its extension ARI. The app and environment ids come from
 * the runtime (they differ per environment), the module key from the manifest; a malformed part would give
 * an ARI that Jira stores but can never resolve, so every transition carrying it would refuse to run.
 */
export type ExtensionRef = { readonly appId: string; readonly environmentId: string; readonly moduleKey: string };

const ID_PART = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;

export const extensionAri = (ref: ExtensionRef): string =>
  `ari:cloud:ecosystem::extension/${ref.appId}/${ref.environmentId}/static/${ref.moduleKey}`;

export const checkedExtensionAri = (ref: ExtensionRef): Result<string, 'SETUP.INVALID_EXTENSION_REFERENCE'> => {
  const bad = (['appId', 'environmentId', 'moduleKey'] as const).filter((part) => !ID_PART.test(ref[part]));
  if (bad.length === 0) return ok(extensionAri(ref));
  return refuse(
    'SETUP.INVALID_EXTENSION_REFERENCE',
    `The app\u2019s workflow rule cannot be referenced: ${bad.map((part) => `${part} "${ref[part]}"`).join(', ')} ` +
      'must be letters, digits, "-" or "_". The app and environment ids come from the running app and the module keys from its manifest; ' +
      'report this to the app maintainers.',
  );
};
