import { z } from 'zod';

/** Rich text as Jira stores it (Atlassian Document Format), reduced to what a person wrote. */
type AdfNode = { readonly type?: string; readonly text?: string; readonly content?: readonly AdfNode[] };

const adfNodeSchema: z.ZodType<AdfNode> = z.lazy(() =>
  z.looseObject({ type: z.string().optional(), text: z.string().optional(), content: z.array(adfNodeSchema).optional() }),
);

const isInline = (node: AdfNode): boolean => node.type === 'text' || node.type === 'hardBreak' || node.content === undefined;

const inlineText = (node: AdfNode): string =>
  node.type === 'text' ? (node.text ?? '') : node.type === 'hardBreak' ? '\n' : (node.content ?? []).map(inlineText).join('');

/** Paragraphs, headings and list items each make a block; lists and other containers only hold blocks. */
const blocksOf = (node: AdfNode): string[] => {
  const children = node.content ?? [];
  return children.every(isInline) ? [children.map(inlineText).join('')] : children.flatMap(blocksOf);
};

/**
 * The plain text of an ADF document, one block per paragraph or list item separated by a blank line, trimmed; a
 * plain string (how a client may send a comment) is taken as it is, and anything else reads as no text at all.
 */
export const adfPlainText = (document: unknown): string => {
  if (typeof document === 'string') return document.trim();
  const parsed = adfNodeSchema.safeParse(document);
  if (!parsed.success) return '';
  return blocksOf(parsed.data)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .join('\n\n');
};
