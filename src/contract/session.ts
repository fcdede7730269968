import { z } from 'zod';
import { isoDateTimeSchema, levelIdSchema, personSchema } from './primitives';

/**
 * Who the caller is, so the UI can hide what the caller cannot do. This is presentation only: every resolver
 * authorizes again on the server from the invocation context, whatever the UI shows.
 */

export const sessionMeRequestSchema = z.object({});
export type SessionMeRequest = z.input<typeof sessionMeRequestSchema>;

export const sessionMeResponseSchema = z.object({
  user: personSchema,
  roles: z.object({
    /** May raise exceptions in the project. */
    requester: z.boolean(),
    /** Approval levels whose group the caller belongs to. */
    approverLevels: z.array(levelIdSchema).max(10),
    peerReviewer: z.boolean(),
    /** Member of the quarterly review group. */
    reviewer: z.boolean(),
    securityLead: z.boolean(),
    admin: z.boolean(),
    auditor: z.boolean(),
  }),
  /** End of a time-bound auditor grant. */
  auditorAccessUntil: isoDateTimeSchema.nullable(),
});
export type Session = z.infer<typeof sessionMeResponseSchema>;

/** An auditor reads everything and changes nothing, whatever other groups the account is in. */
export const isReadOnly = (session: Session): boolean => session.roles.auditor;
/** Policy and integrations belong to the security leads and the Jira administrators. */
export const canEditPolicy = (session: Session): boolean => (session.roles.admin || session.roles.securityLead) && !isReadOnly(session);
/** Set-up changes Jira's own configuration as the caller, which Jira allows its administrators only. */
export const canRunSetup = (session: Session): boolean => session.roles.admin && !isReadOnly(session);
export const canAttestReviews = (session: Session): boolean =>
  (session.roles.reviewer || session.roles.securityLead) && !isReadOnly(session);
export const canRequestRenewal = (session: Session): boolean => !isReadOnly(session);
