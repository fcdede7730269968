import { z } from 'zod';
import { descriptionSections } from '../../app/projection/description-sections';
import type { ManifestField } from '../server/manifest-modules';

/**
 * What the issue view shows, read from Jira's issue JSON as the signed-in person may see it. The exception fields are
 * named by the app's manifest; which of them open the app's field editor is for the caller to say.
 */

const adfNodeSchema: z.ZodType<{ type: string; text?: string | undefined; content?: { type: string }[] | undefined }> = z.lazy(() =>
  z.looseObject({ type: z.string(), text: z.string().optional(), content: z.array(adfNodeSchema).optional() }),
);

const userSchema = z.looseObject({ accountId: z.string(), displayName: z.string().optional() }).nullish();

const issueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.looseObject({
    summary: z.string(),
    issuetype: z.looseObject({ id: z.string(), name: z.string() }),
    project: z.looseObject({ id: z.string(), key: z.string(), name: z.string() }),
    status: z.looseObject({ name: z.string(), statusCategory: z.looseObject({ key: z.string() }) }),
    reporter: userSchema,
    created: z.string(),
    updated: z.string(),
    description: z.unknown(),
    comment: z
      .looseObject({
        comments: z.array(z.looseObject({ id: z.string(), author: userSchema, created: z.string(), body: adfNodeSchema })),
      })
      .optional(),
  }),
});

const transitionsSchema = z.looseObject({ transitions: z.array(z.looseObject({ id: z.string(), name: z.string() })) });

export type ExceptionField = { readonly moduleKey: string; readonly fieldId: string; readonly name: string; readonly value: unknown; readonly type: string };

export type IssueViewModel = {
  readonly id: string;
  readonly key: string;
  readonly summary: string;
  readonly type: { readonly id: string; readonly name: string };
  readonly project: { readonly id: string; readonly key: string; readonly name: string };
  readonly status: { readonly name: string; readonly category: string };
  readonly reporter: string;
  readonly created: string;
  readonly updated: string;
  readonly justification: string | undefined;
  readonly businessImpact: string | undefined;
  readonly fields: readonly ExceptionField[];
  readonly comments: readonly { readonly id: string; readonly author: string; readonly created: string; readonly text: string }[];
};

type AdfNode = z.infer<typeof adfNodeSchema>;

const adfText = (node: AdfNode): string =>
  node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map((child) => adfText(child as AdfNode)).join(node.type === 'doc' ? '\n' : '');

export const readIssueView = (
  body: unknown,
  customFields: readonly ManifestField[],
  fieldIds: Readonly<Record<string, string>>,
): IssueViewModel => {
  const issue = issueSchema.parse(body);
  const { fields } = issue;
  const sections = descriptionSections(fields.description);
  return {
    id: issue.id,
    key: issue.key,
    summary: fields.summary,
    type: { id: fields.issuetype.id, name: fields.issuetype.name },
    project: { id: fields.project.id, key: fields.project.key, name: fields.project.name },
    status: { name: fields.status.name, category: fields.status.statusCategory.key },
    reporter: fields.reporter?.displayName ?? fields.reporter?.accountId ?? 'nobody',
    created: fields.created,
    updated: fields.updated,
    justification: sections.justification,
    businessImpact: sections.businessImpact,
    fields: customFields.flatMap((field) => {
      const fieldId = fieldIds[field.key];
      return fieldId === undefined ? [] : [{ moduleKey: field.key, fieldId, name: field.name, value: (issue.fields as Record<string, unknown>)[fieldId], type: field.type }];
    }),
    comments: (fields.comment?.comments ?? []).map((comment) => ({
      id: comment.id,
      author: comment.author?.displayName ?? comment.author?.accountId ?? 'Jira',
      created: comment.created,
      text: adfText(comment.body),
    })),
  };
};

/** The transitions Jira offers the person, as the issue view's workflow buttons. */
export const readTransitions = (body: unknown): { id: string; name: string }[] =>
  transitionsSchema.parse(body).transitions.map(({ id, name }) => ({ id, name }));
