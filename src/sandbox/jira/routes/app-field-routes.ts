import { z } from 'zod';
import { parseFieldInput } from '../field-values';
import { applyFieldEdits } from '../field-edits';
import { recordChange } from '../issue-events';
import { badRequest, failure, jiraError, noContent, notFound, success, type Outcome, type RouteResult } from '../jira-http';
import type { FieldDefinition, JiraIssue } from '../jira-model';
import { booleanParam, type RouteContext, type RouteTable } from '../route-context';
import { parseBody } from './route-helpers';

/**
 * The app field value API: only the app that declared a Forge custom field may write it (also read-only
 * ones, bypassing screens and the field's edit validation). Writes update `updated` and, unless
 * `generateChangelog=false`, the changelog; they do not fire issue events (the spec has no
 * `generateAppEvents` flag yet).
 */

const singleFieldSchema = z.object({
  updates: z.array(z.object({ issueIds: z.array(z.number().int()), value: z.unknown() })).default([]),
});
const multiFieldSchema = z.object({
  updates: z
    .array(z.object({ customField: z.string(), issueIds: z.array(z.number().int()), value: z.unknown() }))
    .default([]),
});

type FieldUpdate = { readonly field: FieldDefinition; readonly issue: JiraIssue; readonly value: unknown };

const ownedField = (ctx: RouteContext, idOrKey: string): Outcome<FieldDefinition> => {
  const field = ctx.services.state.fields.get(idOrKey);
  if (field === undefined) return failure(notFound(`The custom field ${idOrKey} was not found.`));
  if (ctx.actor.kind !== 'app' || field.forge?.appId !== ctx.services.app.appId) {
    return failure(jiraError(403, [`Only the app that provides the field ${idOrKey} can update its value.`]));
  }
  return success(field);
};

const planUpdates = (
  ctx: RouteContext,
  requested: readonly { readonly fieldIdOrKey: string; readonly issueIds: readonly number[]; readonly value: unknown }[],
): Outcome<FieldUpdate[]> => {
  const planned: FieldUpdate[] = [];
  const seen = new Set<string>();
  for (const update of requested) {
    const field = ownedField(ctx, update.fieldIdOrKey);
    if (!field.ok) return field;
    const parsed = parseFieldInput(ctx.services.state, field.value, update.value);
    if (!parsed.ok) return failure(badRequest(`${field.value.id}: ${parsed.message}`));
    for (const issueId of update.issueIds) {
      const issue = ctx.services.state.issues.get(String(issueId));
      if (issue === undefined) return failure(badRequest(`Issue ${issueId} does not exist.`));
      const pair = `${field.value.id}/${issue.id}`;
      if (seen.has(pair)) return failure(badRequest(`The field ${field.value.id} is updated twice for issue ${issue.id}.`));
      seen.add(pair);
      planned.push({ field: field.value, issue, value: parsed.value });
    }
  }
  return success(planned);
};

const applyUpdates = (ctx: RouteContext, updates: readonly FieldUpdate[]): RouteResult => {
  const generateChangelog = booleanParam(ctx.query, 'generateChangelog', true);
  const byIssue = new Map<JiraIssue, Map<string, unknown>>();
  for (const update of updates) {
    const values = byIssue.get(update.issue) ?? new Map<string, unknown>();
    values.set(update.field.id, update.value);
    byIssue.set(update.issue, values);
  }
  for (const [issue, values] of byIssue) {
    const items = applyFieldEdits(ctx.services.state, issue, values);
    if (items.length === 0) continue;
    issue.updated = ctx.services.clock.now();
    if (generateChangelog) recordChange(ctx.services, issue, ctx.actor, items);
  }
  return noContent();
};

export const appFieldRoutes: RouteTable = {
  'PUT /rest/api/3/app/field/{fieldIdOrKey}/value': {
    query: ['generateChangelog'],
    handle: (ctx) => {
      const body = parseBody(singleFieldSchema, ctx.body);
      if (!body.ok) return body.response;
      const fieldIdOrKey = ctx.params.fieldIdOrKey ?? '';
      const planned = planUpdates(ctx, body.value.updates.map((update) => ({ fieldIdOrKey, ...update })));
      return planned.ok ? applyUpdates(ctx, planned.value) : planned.response;
    },
  },
  'POST /rest/api/3/app/field/value': {
    query: ['generateChangelog'],
    handle: (ctx) => {
      const body = parseBody(multiFieldSchema, ctx.body);
      if (!body.ok) return body.response;
      const planned = planUpdates(ctx, body.value.updates.map(({ customField, ...update }) => ({ fieldIdOrKey: customField, ...update })));
      return planned.ok ? applyUpdates(ctx, planned.value) : planned.response;
    },
  },
};
