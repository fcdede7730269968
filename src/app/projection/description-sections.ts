import { z } from 'zod';

/**
 * The Description carries the two free-text parts of a request: the justification, and under a
 * "Business impact" heading, the business impact. Both are risk-relevant (approvals are bound to them), so the
 * text is extracted the same way every time: blocks in order, inline text concatenated, blocks separated by a
 * blank line, surrounding whitespace trimmed.
 */

type AdfNode = {
  readonly type: string;
  readonly text?: string;
  readonly content?: readonly AdfNode[];
};

const adfNodeSchema: z.ZodType<AdfNode> = z.lazy(() =>
  z.looseObject({ type: z.string(), text: z.string().optional(), content: z.array(adfNodeSchema).optional() }),
);

const adfDocumentSchema = z.looseObject({ type: z.literal('doc'), content: z.array(adfNodeSchema) });

export type DescriptionSections = {
  readonly justification?: string;
  readonly businessImpact?: string;
};

type Section = keyof DescriptionSections;

const SECTION_TITLES: readonly [RegExp, Section][] = [
  [/^justification:?$/i, 'justification'],
  [/^business impact:?$/i, 'businessImpact'],
];

const INLINE_BREAKS = new Set(['hardBreak']);

const textOf = (node: AdfNode): string => {
  if (node.type === 'text') return node.text ?? '';
  if (INLINE_BREAKS.has(node.type)) return '\n';
  const children = node.content ?? [];
  const inline = children.every((child) => child.type === 'text' || INLINE_BREAKS.has(child.type) || child.content === undefined);
  return children.map(textOf).join(inline ? '' : '\n');
};

/** A block that only names a section: a heading, or a paragraph holding nothing but the title. */
const sectionNamedBy = (block: AdfNode): Section | undefined => {
  if (block.type !== 'heading' && block.type !== 'paragraph') return undefined;
  const title = textOf(block).trim();
  return SECTION_TITLES.find(([pattern]) => pattern.test(title))?.[1];
};

const joined = (blocks: readonly string[]): string | undefined => {
  const text = blocks
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .join('\n\n');
  return text === '' ? undefined : text;
};

/** The sections of an ADF description; anything before the first section title is the justification. */
export const descriptionSections = (description: unknown): DescriptionSections => {
  const parsed = adfDocumentSchema.safeParse(description);
  if (!parsed.success) return {};
  const blocks: Record<Section, string[]> = { justification: [], businessImpact: [] };
  let current: Section = 'justification';
  for (const block of parsed.data.content) {
    const named = sectionNamedBy(block);
    if (named !== undefined) current = named;
    else blocks[current].push(textOf(block));
  }
  const justification = joined(blocks.justification);
  const businessImpact = joined(blocks.businessImpact);
  return {
    ...(justification === undefined ? {} : { justification }),
    ...(businessImpact === undefined ? {} : { businessImpact }),
  };
};
