import { fieldsOutOfStep, type ComputedFieldValues } from './computed-fields';
import type { ComputedFieldName, ExceptionIssue } from './exception-issue';
import type { ComputedFieldWriter, RemoteFailure } from './projection-ports';

export type FieldSync =
  | { readonly kind: 'in-step' }
  | { readonly kind: 'written'; readonly fields: readonly ComputedFieldName[] }
  /** The site has none of the computed fields (a deployment without them): there is nothing to keep in step. */
  | { readonly kind: 'not-on-site' }
  | { readonly kind: 'failed'; readonly failure: RemoteFailure };

/**
 * Brings the issue's computed fields in line with what the register computed from the same reading, in one
 * request and only for the fields whose value Jira does not already hold.
 */
export const syncComputedFields = async (
  writer: ComputedFieldWriter,
  issue: ExceptionIssue,
  computed: ComputedFieldValues,
): Promise<FieldSync> => {
  const onSite = await writer.onSite();
  if (!onSite.ok) return { kind: 'failed', failure: onSite.error };
  if (onSite.value.length === 0) return { kind: 'not-on-site' };
  const changed = fieldsOutOfStep(issue.custom, computed, onSite.value);
  const fields = onSite.value.filter((name) => changed[name] !== undefined);
  if (fields.length === 0) return { kind: 'in-step' };
  const written = await writer.write(issue.id, changed);
  return written.ok ? { kind: 'written', fields } : { kind: 'failed', failure: written.error };
};
