/**
 * A small builder for Atlassian Document Format, the body of Jira comments and descriptions. Only the nodes
 * the app writes: paragraphs, bullet lists, plain, strong and linked text.
 */

export type AdfMark = { readonly type: 'strong' } | { readonly type: 'link'; readonly attrs: { readonly href: string } };
export type AdfText = { readonly type: 'text'; readonly text: string; readonly marks?: readonly AdfMark[] };
export type AdfParagraph = { readonly type: 'paragraph'; readonly content: readonly AdfText[] };
export type AdfListItem = { readonly type: 'listItem'; readonly content: readonly AdfParagraph[] };
export type AdfBulletList = { readonly type: 'bulletList'; readonly content: readonly AdfListItem[] };
export type AdfBlock = AdfParagraph | AdfBulletList;
export type AdfDocument = { readonly type: 'doc'; readonly version: 1; readonly content: readonly AdfBlock[] };

type InlineInput = AdfText | string;

export const text = (value: string): AdfText => ({ type: 'text', text: value });

export const strong = (value: string): AdfText => ({ type: 'text', text: value, marks: [{ type: 'strong' }] });

const LINKABLE_PROTOCOLS = ['http:', 'https:', 'mailto:'];

const isLinkable = (href: string): boolean => {
  try {
    return LINKABLE_PROTOCOLS.includes(new URL(href).protocol);
  } catch {
    return false;
  }
};

/** A link; an address that is not http(s) or mailto (a `javascript:` URL) is written as plain text instead. */
export const link = (label: string, href: string): AdfText =>
  isLinkable(href) ? { type: 'text', text: label, marks: [{ type: 'link', attrs: { href } }] } : text(label);

/** ADF refuses empty text nodes, so empty pieces are dropped rather than sent. */
const inline = (pieces: readonly InlineInput[]): AdfText[] =>
  pieces.map((piece) => (typeof piece === 'string' ? text(piece) : piece)).filter((node) => node.text !== '');

export const paragraph = (...pieces: readonly InlineInput[]): AdfParagraph => ({ type: 'paragraph', content: inline(pieces) });

type ListEntry = InlineInput | readonly InlineInput[];

const isLine = (entry: ListEntry): entry is readonly InlineInput[] => Array.isArray(entry);

/** One list item per entry; an entry is a single piece of text or the pieces of one line. */
export const bulletList = (...entries: readonly ListEntry[]): AdfBulletList => ({
  type: 'bulletList',
  content: entries.map((entry) => ({ type: 'listItem', content: [isLine(entry) ? paragraph(...entry) : paragraph(entry)] })),
});

export const adfDocument = (...blocks: readonly AdfBlock[]): AdfDocument => ({ type: 'doc', version: 1, content: blocks });
