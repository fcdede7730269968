/**
 * HTML built from templates in which every interpolated value is escaped unless it is already `Html`, so text from
 * Jira (summaries, validator messages, names) can never become markup on the host page.
 */

const HTML = Symbol('html');

export type Html = { readonly [HTML]: string };

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

const isHtml = (value: unknown): value is Html => typeof value === 'object' && value !== null && HTML in value;

export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

const render = (value: Interpolation): string => {
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number' || value === true) return String(value);
  if (isHtml(value)) return value[HTML];
  return value.map(render).join('');
};

export const html = (strings: TemplateStringsArray, ...values: readonly Interpolation[]): Html => ({
  [HTML]: strings.reduce((out, chunk, index) => out + chunk + (index < values.length ? render(values[index]) : ''), ''),
});

/** Markup the sandbox wrote itself (a whole document or a trusted fragment). */
export const trusted = (markup: string): Html => ({ [HTML]: markup });

export const toText = (value: Html): string => value[HTML];
