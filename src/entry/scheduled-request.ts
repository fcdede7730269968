import { z } from 'zod';

/** What Forge passes a scheduledTrigger function: `{ context: { cloudId, moduleKey }, contextToken }`. */
export const scheduledRequestSchema = z.looseObject({
  context: z.looseObject({ cloudId: z.string().optional(), moduleKey: z.string().optional() }).optional(),
});

/** Scheduled functions answer 204: the module reference says the value is ignored, older runtimes read a 424 otherwise. */
export const SCHEDULED_DONE = { statusCode: 204 } as const;
