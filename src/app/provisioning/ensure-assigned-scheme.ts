import { sameName } from './find-by-name';
import type { GatewayResult, NamedItem, ProjectSummary } from './provisioning-gateway';
import { done, jiraFailed, type StepResult } from './setup-steps';

/**
 * Schemes are found by name or created, and then assigned to the project unless it already uses them. A run
 * that stopped between the two finds the scheme it created and only assigns it.
 */

export type NamedItemSpec = {
  /** What the item is, for messages: "screen scheme". */
  readonly kind: string;
  readonly name: string;
  find(): Promise<GatewayResult<NamedItem | undefined>>;
  create(): Promise<GatewayResult<{ readonly id: string }>>;
};

export type AssignedSchemeSpec = NamedItemSpec & {
  readonly project: ProjectSummary;
  /** The name of the scheme of this kind the project uses now; undefined when Jira reports none. */
  assigned(): Promise<GatewayResult<string | undefined>>;
  assign(schemeId: string): Promise<GatewayResult<undefined>>;
  /** Why Jira may refuse the assignment, and what to do then. */
  readonly refusedAssignment: string;
};

type Found = { readonly id: string; readonly created: boolean };

async function findOrCreate(spec: NamedItemSpec): Promise<{ readonly ok: true; readonly value: Found } | { readonly ok: false; readonly detail: string }> {
  const found = await spec.find();
  if (!found.ok) return jiraFailed(`look for the ${spec.kind} "${spec.name}"`, found.error);
  if (found.value !== undefined) return { ok: true, value: { id: found.value.id, created: false } };
  const created = await spec.create();
  if (!created.ok) return jiraFailed(`create the ${spec.kind} "${spec.name}"`, created.error);
  return { ok: true, value: { id: created.value.id, created: true } };
}

export async function ensureNamedItem(spec: NamedItemSpec): Promise<StepResult<string>> {
  const item = await findOrCreate(spec);
  if (!item.ok) return item;
  return item.value.created
    ? done('created', `Created the ${spec.kind} "${spec.name}" (id ${item.value.id}).`, item.value.id)
    : done('already-present', `Found the ${spec.kind} "${spec.name}" (id ${item.value.id}).`, item.value.id);
}

export async function ensureAssignedScheme(spec: AssignedSchemeSpec): Promise<StepResult<string>> {
  const { project } = spec;
  const item = await findOrCreate(spec);
  if (!item.ok) return item;
  const { id, created } = item.value;
  const made = created ? `Created the ${spec.kind} "${spec.name}"` : `Found the ${spec.kind} "${spec.name}"`;

  const current = await spec.assigned();
  if (!current.ok) return jiraFailed(`read the ${spec.kind} of ${project.key}`, current.error);
  if (current.value !== undefined && sameName(current.value, spec.name)) {
    return done(created ? 'created' : 'already-present', `${made}; ${project.key} already uses it.`, id);
  }
  const assigned = await spec.assign(id);
  if (!assigned.ok) {
    const advice = assigned.error.code === 'JIRA.BAD_REQUEST' ? spec.refusedAssignment : undefined;
    return jiraFailed(`assign the ${spec.kind} "${spec.name}" to ${project.key}`, assigned.error, advice);
  }
  const replaced = current.value === undefined ? '' : ` in place of "${current.value}"`;
  return done(created ? 'created' : 'updated', `${made} and assigned it to ${project.key}${replaced}.`, id);
}
