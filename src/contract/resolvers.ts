import type { z } from 'zod';
import {
  adminAuditorsGetRequestSchema,
  adminAuditorsGetResponseSchema,
  adminAuditorsGrantRequestSchema,
  adminAuditorsGrantResponseSchema,
} from './auditors';
import { dashboardSummaryRequestSchema, dashboardSummaryResponseSchema } from './dashboard';
import { envelopeSchema, type Envelope } from './envelope';
import {
  exceptionPanelRequestSchema,
  exceptionPanelResponseSchema,
  requestRenewalRequestSchema,
  requestRenewalResponseSchema,
} from './exception-panel';
import { intakePreflightRequestSchema, intakePreflightResponseSchema } from './intake';
import {
  adminIntegrationsGetRequestSchema,
  adminIntegrationsGetResponseSchema,
  adminIntegrationsSaveRequestSchema,
  adminIntegrationsSaveResponseSchema,
} from './integrations';
import {
  adminPolicyGetRequestSchema,
  adminPolicyGetResponseSchema,
  adminPolicySaveRequestSchema,
  adminPolicySaveResponseSchema,
  adminPolicyValidateRequestSchema,
  adminPolicyValidateResponseSchema,
} from './policy';
import {
  registerExportPageRequestSchema,
  registerExportPageResponseSchema,
  registerListRequestSchema,
  registerListResponseSchema,
} from './register';
import { reportsGetRequestSchema, reportsGetResponseSchema, reportsListRequestSchema, reportsListResponseSchema } from './reports';
import {
  reviewsAttestRequestSchema,
  reviewsAttestResponseSchema,
  reviewsQueueRequestSchema,
  reviewsQueueResponseSchema,
} from './reviews';
import { sessionMeRequestSchema, sessionMeResponseSchema } from './session';
import {
  adminSetupRunRequestSchema,
  adminSetupRunResponseSchema,
  adminSetupStatusRequestSchema,
  adminSetupStatusResponseSchema,
} from './setup';

/**
 * Every resolver key, namespaced like a route, with the schema its payload must satisfy and the schema of the
 * `data` its success envelope carries. Keys are coarse on purpose: each page loads with one call.
 * The resolver parses the payload with `request` and answers `Envelope<Response>`; the UI client validates the
 * answer with `envelopeSchema(response)` before any component sees it.
 */
export const CONTRACT = {
  'register/list': { request: registerListRequestSchema, response: registerListResponseSchema },
  'register/export-page': { request: registerExportPageRequestSchema, response: registerExportPageResponseSchema },
  'dashboard/summary': { request: dashboardSummaryRequestSchema, response: dashboardSummaryResponseSchema },
  'reviews/queue': { request: reviewsQueueRequestSchema, response: reviewsQueueResponseSchema },
  'reviews/attest': { request: reviewsAttestRequestSchema, response: reviewsAttestResponseSchema },
  'reports/list': { request: reportsListRequestSchema, response: reportsListResponseSchema },
  'reports/get': { request: reportsGetRequestSchema, response: reportsGetResponseSchema },
  'exception/panel': { request: exceptionPanelRequestSchema, response: exceptionPanelResponseSchema },
  'exception/request-renewal': { request: requestRenewalRequestSchema, response: requestRenewalResponseSchema },
  'intake/preflight': { request: intakePreflightRequestSchema, response: intakePreflightResponseSchema },
  'admin/policy/get': { request: adminPolicyGetRequestSchema, response: adminPolicyGetResponseSchema },
  'admin/policy/validate': { request: adminPolicyValidateRequestSchema, response: adminPolicyValidateResponseSchema },
  'admin/policy/save': { request: adminPolicySaveRequestSchema, response: adminPolicySaveResponseSchema },
  'admin/setup/run': { request: adminSetupRunRequestSchema, response: adminSetupRunResponseSchema },
  'admin/setup/status': { request: adminSetupStatusRequestSchema, response: adminSetupStatusResponseSchema },
  'admin/integrations/get': { request: adminIntegrationsGetRequestSchema, response: adminIntegrationsGetResponseSchema },
  'admin/integrations/save': { request: adminIntegrationsSaveRequestSchema, response: adminIntegrationsSaveResponseSchema },
  'admin/auditors/get': { request: adminAuditorsGetRequestSchema, response: adminAuditorsGetResponseSchema },
  'admin/auditors/grant': { request: adminAuditorsGrantRequestSchema, response: adminAuditorsGrantResponseSchema },
  'session/me': { request: sessionMeRequestSchema, response: sessionMeResponseSchema },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type ResolverKey = keyof typeof CONTRACT;
export const RESOLVER_KEYS = Object.keys(CONTRACT) as ResolverKey[];

/** What a caller may send: defaults may be left out. */
export type RequestOf<K extends ResolverKey> = z.input<(typeof CONTRACT)[K]['request']>;
/** What the resolver works with after parsing: defaults filled in. */
export type ParsedRequestOf<K extends ResolverKey> = z.output<(typeof CONTRACT)[K]['request']>;
export type ResponseOf<K extends ResolverKey> = z.output<(typeof CONTRACT)[K]['response']>;
export type EnvelopeOf<K extends ResolverKey> = Envelope<ResponseOf<K>>;

export const isResolverKey = (key: string): key is ResolverKey => Object.hasOwn(CONTRACT, key);

/** The full answer schema of a key, envelope included. */
export const responseEnvelopeSchema = <K extends ResolverKey>(key: K) => envelopeSchema(CONTRACT[key].response);
