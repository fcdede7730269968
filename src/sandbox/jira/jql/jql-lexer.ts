/**
 * A tiny JQL tokenizer: words (field names, keywords, unquoted values such as `SEC-12`), quoted strings,
 * comparison operators and list punctuation. Anything else is not JQL the stand-in understands.
 */

export type JqlToken =
  | { readonly kind: 'word'; readonly text: string; readonly at: number }
  | { readonly kind: 'string'; readonly text: string; readonly at: number }
  | { readonly kind: 'operator'; readonly text: string; readonly at: number }
  | { readonly kind: 'punctuation'; readonly text: '(' | ')' | ','; readonly at: number };

export type LexResult = { readonly ok: true; readonly tokens: readonly JqlToken[] } | { readonly ok: false; readonly problem: string };

const WORD_START = /[A-Za-z0-9_]/;
const WORD_PART = /[A-Za-z0-9_.-]/;
const OPERATORS = ['!=', '>=', '<=', '!~', '=', '>', '<', '~'] as const;

const readQuoted = (source: string, start: number): { text: string; end: number } | undefined => {
  const quote = source[start];
  let text = '';
  for (let index = start + 1; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') {
      const escaped = source[index + 1];
      if (escaped === undefined) return undefined;
      text += escaped;
      index++;
    } else if (char === quote) {
      return { text, end: index + 1 };
    } else {
      text += char;
    }
  }
  return undefined;
};

export function lexJql(source: string): LexResult {
  const tokens: JqlToken[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source.charAt(index);
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    if (char === '"' || char === "'") {
      const quoted = readQuoted(source, index);
      if (quoted === undefined) return { ok: false, problem: `unterminated string starting at position ${index}` };
      tokens.push({ kind: 'string', text: quoted.text, at: index });
      index = quoted.end;
      continue;
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: 'punctuation', text: char, at: index });
      index++;
      continue;
    }
    const operator = OPERATORS.find((candidate) => source.startsWith(candidate, index));
    if (operator !== undefined) {
      tokens.push({ kind: 'operator', text: operator, at: index });
      index += operator.length;
      continue;
    }
    if (WORD_START.test(char)) {
      let end = index + 1;
      while (end < source.length && WORD_PART.test(source.charAt(end))) end++;
      tokens.push({ kind: 'word', text: source.slice(index, end), at: index });
      index = end;
      continue;
    }
    return { ok: false, problem: `unexpected character '${char}' at position ${index}` };
  }
  return { ok: true, tokens };
}
