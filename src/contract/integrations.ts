import { z } from 'zod';
import { boundedText, isoDateTimeSchema } from './primitives';

/**
 * Integrations reached through web triggers. Secrets are never sent to the UI: the settings say whether one is
 * configured and when it was rotated; a newly rotated secret is returned exactly once by the save call.
 */

export const INTEGRATION_IDS = ['scanner-ingest', 'exception-feed', 'ci-gate', 'siem-usage'] as const;
export type IntegrationId = (typeof INTEGRATION_IDS)[number];

export const integrationSettingsSchema = z.object({
  id: z.enum(INTEGRATION_IDS),
  name: boundedText(120),
  description: boundedText(1000),
  enabled: z.boolean(),
  /** The web trigger URL to give the other system; null until the app is installed on a site. */
  url: z.url().max(2048).nullable(),
  secretConfigured: z.boolean(),
  secretRotatedAt: isoDateTimeSchema.nullable(),
  lastRequestAt: isoDateTimeSchema.nullable(),
  /** The outcome of the last refused request (bad signature, replay, oversized body), for troubleshooting. */
  lastRefusal: z.string().max(1000).nullable(),
});
export type IntegrationSettings = z.infer<typeof integrationSettingsSchema>;

export const adminIntegrationsGetRequestSchema = z.object({});
export type AdminIntegrationsGetRequest = z.input<typeof adminIntegrationsGetRequestSchema>;
export const adminIntegrationsGetResponseSchema = z.object({
  integrations: z.array(integrationSettingsSchema).max(INTEGRATION_IDS.length),
});
export type IntegrationsView = z.infer<typeof adminIntegrationsGetResponseSchema>;

export const adminIntegrationsSaveRequestSchema = z.object({
  id: z.enum(INTEGRATION_IDS),
  enabled: z.boolean(),
  /** Replace the HMAC secret; the old one stops working at once. */
  rotateSecret: z.boolean().default(false),
});
export type AdminIntegrationsSaveRequest = z.input<typeof adminIntegrationsSaveRequestSchema>;
export const adminIntegrationsSaveResponseSchema = z.object({
  integration: integrationSettingsSchema,
  /** The new secret, shown once; null unless the request rotated it. */
  newSecret: z.string().min(32).max(256).nullable(),
});
export type AdminIntegrationsSaveResponse = z.infer<typeof adminIntegrationsSaveResponseSchema>;
