import { z } from 'zod';

/** Rich text as Jira stores it (Atlassian Document Format), reduced to what a person wrote. */
type AdfNode = { readonly type?: string; readonly text?: string; readonly content?: readonly AdfNode[] };

const adfNodeSchema: z.ZodType<AdfNode> = z.lazy(() =>
  z.looseObject({ type: z.string().optional(), text: z.string().optional(), content: z.array(adfNodeSchema).optional() }),
);

const inlineText = (node: AdfNode): string => (node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(inlineText).join(''));

/**
 * The plain text of an ADF document, one block per paragraph separated by a blank line, trimmed; a plain string
 * (how a client may send a comment) is taken as it is, and anything else reads as no text at all.
 */
export const adfPlainText = (document: unknown): string => {
  if (typeof document === 'string') return document.trim();
  const parsed = adfNodeSchema.safeParse(document);
  if (!parsed.success) return '';
  return (parsed.data.content ?? [])
    .map(inlineText)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .join('\n\n');
};
