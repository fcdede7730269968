import { appendAuditEntry, type AppendAuditEntryDeps } from '../audit/append-audit-entry';
import type { IntegrationSettings, WebTriggerUrls } from './admin-ports';

/** The systems that reach the register through web triggers; each is authenticated with its own HMAC secret. */
export const INTEGRATIONS = [
  {
    id: 'scanner-ingest',
    name: 'Scanner findings',
    description: 'Scanners push findings into the register; each request is signed with HMAC-SHA256 over timestamp and body.',
  },
  {
    id: 'exception-feed',
    name: 'Exception feed',
    description: 'SIEM and CI/CD pull the active exceptions as JSON, a CSV lookup or scanner ignore files with expiry.',
  },
  {
    id: 'ci-gate',
    name: 'CI/CD gate',
    description: 'Pipelines ask whether a finding on an asset is covered by an active exception before they pass a build.',
  },
  {
    id: 'siem-usage',
    name: 'SIEM usage events',
    description: 'The SIEM reports use of an excepted weakness; use outside the approved scope or time raises an incident.',
  },
] as const;
export type IntegrationId = (typeof INTEGRATIONS)[number]['id'];

export type IntegrationView = {
  readonly id: IntegrationId;
  readonly name: string;
  readonly description: string;
  readonly enabled: boolean;
  readonly url: string | null;
  readonly secretConfigured: boolean;
  readonly secretRotatedAt: string | null;
  readonly lastRequestAt: string | null;
  readonly lastRefusal: string | null;
};

export type IntegrationsDeps = {
  readonly settings: IntegrationSettings;
  readonly urls: WebTriggerUrls;
  readonly audit: AppendAuditEntryDeps;
  readonly now: () => string;
  /** A new random secret, at least 32 characters. */
  readonly newSecret: () => string;
};

export const INTEGRATION_CHANGED = 'integration.changed';

const viewOf = async (deps: Pick<IntegrationsDeps, 'settings' | 'urls'>, integration: (typeof INTEGRATIONS)[number]): Promise<IntegrationView> => {
  const [state, secretConfigured, url] = await Promise.all([
    deps.settings.get(integration.id),
    deps.settings.hasSecret(integration.id),
    deps.urls.urlOf(integration.id),
  ]);
  return {
    ...integration,
    enabled: state?.enabled ?? false,
    url,
    secretConfigured,
    secretRotatedAt: state?.secretRotatedAt ?? null,
    lastRequestAt: state?.lastRequestAt ?? null,
    lastRefusal: state?.lastRefusal ?? null,
  };
};

/** Every integration with its state; secrets never leave the store, only whether one is set and when it was rotated. */
export const listIntegrations = (deps: Pick<IntegrationsDeps, 'settings' | 'urls'>): Promise<IntegrationView[]> =>
  Promise.all(INTEGRATIONS.map((integration) => viewOf(deps, integration)));

/**
 * Turns an integration on or off and optionally rotates its secret. The new secret is returned once, to be given to
 * the other system; the audit chain records that it was rotated, never the secret.
 */
export const saveIntegration = async (
  deps: IntegrationsDeps,
  request: { readonly id: IntegrationId; readonly enabled: boolean; readonly rotateSecret: boolean; readonly by: string },
): Promise<{ readonly integration: IntegrationView; readonly newSecret: string | null }> => {
  const integration = INTEGRATIONS.find((candidate) => candidate.id === request.id);
  // The id comes from a closed list the entry parsed; anything else is a programming error.
  if (integration === undefined) throw new Error(`unknown integration ${request.id}`);
  const at = deps.now();
  await deps.settings.setEnabled(request.id, request.enabled);
  const newSecret = request.rotateSecret ? deps.newSecret() : null;
  if (newSecret !== null) await deps.settings.rotateSecret(request.id, newSecret, at);
  await appendAuditEntry(deps.audit, {
    at,
    actor: request.by,
    action: INTEGRATION_CHANGED,
    issueKey: null,
    payload: { integration: request.id, enabled: request.enabled, secretRotated: newSecret !== null },
  });
  return { integration: await viewOf(deps, integration), newSecret };
};
