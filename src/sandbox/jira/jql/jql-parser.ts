import { lexJql, type JqlToken } from './jql-lexer';

/**
 * The JQL the stand-in accepts, and nothing more: clauses joined by AND over `project`, `issuetype`,
 * `status`, `key`, `labels` (`=` or `in (...)`) and `updated` (`>=`, `>`, `<=`, `<`), then an optional
 * `ORDER BY key|updated [ASC|DESC]`. Everything else (OR, NOT, functions, other fields, other operators) is
 * reported as unsupported rather than approximated: a stand-in that guessed would pass tests Jira fails.
 */

export type ListField = 'project' | 'issuetype' | 'status' | 'key' | 'labels';
export type RangeOperator = '>=' | '>' | '<=' | '<';

export type JqlClause =
  | { readonly field: ListField; readonly values: readonly string[] }
  | { readonly field: 'updated'; readonly operator: RangeOperator; readonly value: string };

export type SortKey = { readonly field: 'key' | 'updated'; readonly direction: 'ASC' | 'DESC' };

export type JqlQuery = { readonly clauses: readonly JqlClause[]; readonly orderBy: readonly SortKey[] };

export type ParseResult = { readonly ok: true; readonly query: JqlQuery } | { readonly ok: false; readonly problem: string };

const FIELD_ALIASES: Readonly<Record<string, ListField | 'updated'>> = {
  project: 'project',
  issuetype: 'issuetype',
  type: 'issuetype',
  status: 'status',
  key: 'key',
  issuekey: 'key',
  id: 'key',
  issue: 'key',
  labels: 'labels',
  updated: 'updated',
  updateddate: 'updated',
};

const RANGE_OPERATORS: readonly string[] = ['>=', '>', '<=', '<'];

class Cursor {
  private index = 0;
  constructor(private readonly tokens: readonly JqlToken[]) {}
  peek(): JqlToken | undefined {
    return this.tokens[this.index];
  }
  next(): JqlToken | undefined {
    return this.tokens[this.index++];
  }
  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }
}

const isKeyword = (token: JqlToken | undefined, keyword: string): boolean =>
  token?.kind === 'word' && token.text.toUpperCase() === keyword;

const describe = (token: JqlToken | undefined): string => (token === undefined ? 'the end of the query' : `'${token.text}' at position ${token.at}`);

type Step<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };
const stop = (problem: string): Step<never> => ({ ok: false, problem });

const readValue = (cursor: Cursor): Step<string> => {
  const token = cursor.next();
  if (token === undefined || (token.kind !== 'word' && token.kind !== 'string')) return stop(`expected a value but found ${describe(token)}`);
  if (token.kind === 'word' && cursor.peek()?.kind === 'punctuation' && cursor.peek()?.text === '(') {
    return stop(`functions such as ${token.text}() are not supported`);
  }
  return { ok: true, value: token.text };
};

const readList = (cursor: Cursor): Step<string[]> => {
  const open = cursor.next();
  if (open?.kind !== 'punctuation' || open.text !== '(') return stop(`expected '(' after IN but found ${describe(open)}`);
  const values: string[] = [];
  for (;;) {
    const value = readValue(cursor);
    if (!value.ok) return value;
    values.push(value.value);
    const separator = cursor.next();
    if (separator?.kind === 'punctuation' && separator.text === ')') return { ok: true, value: values };
    if (separator?.kind !== 'punctuation' || separator.text !== ',') return stop(`expected ',' or ')' but found ${describe(separator)}`);
  }
};

const readClause = (cursor: Cursor): Step<JqlClause> => {
  const fieldToken = cursor.next();
  if (fieldToken === undefined || fieldToken.kind === 'punctuation' || fieldToken.kind === 'operator') {
    return stop(`expected a field name but found ${describe(fieldToken)}`);
  }
  const field = FIELD_ALIASES[fieldToken.text.toLowerCase()];
  if (field === undefined) return stop(`the field '${fieldToken.text}' is not supported`);
  const operatorToken = cursor.next();
  if (field === 'updated') {
    if (operatorToken?.kind !== 'operator' || !RANGE_OPERATORS.includes(operatorToken.text)) {
      return stop(`'updated' supports only >=, >, <=, < but found ${describe(operatorToken)}`);
    }
    const value = readValue(cursor);
    return value.ok ? { ok: true, value: { field, operator: operatorToken.text as RangeOperator, value: value.value } } : value;
  }
  if (operatorToken?.kind === 'operator' && operatorToken.text === '=') {
    const value = readValue(cursor);
    return value.ok ? { ok: true, value: { field, values: [value.value] } } : value;
  }
  if (isKeyword(operatorToken, 'IN')) {
    const values = readList(cursor);
    return values.ok ? { ok: true, value: { field, values: values.value } } : values;
  }
  return stop(`'${fieldToken.text}' supports only = and IN but found ${describe(operatorToken)}`);
};

const readOrderBy = (cursor: Cursor): Step<SortKey[]> => {
  cursor.next();
  if (!isKeyword(cursor.next(), 'BY')) return stop('expected BY after ORDER');
  const keys: SortKey[] = [];
  for (;;) {
    const fieldToken = cursor.next();
    const field = fieldToken?.kind === 'word' ? FIELD_ALIASES[fieldToken.text.toLowerCase()] : undefined;
    if (field !== 'key' && field !== 'updated') return stop(`ordering by ${describe(fieldToken)} is not supported (only key and updated)`);
    let direction: 'ASC' | 'DESC' = 'ASC';
    if (isKeyword(cursor.peek(), 'ASC') || isKeyword(cursor.peek(), 'DESC')) {
      direction = (cursor.next()?.text.toUpperCase() ?? 'ASC') as 'ASC' | 'DESC';
    }
    keys.push({ field, direction });
    if (cursor.atEnd()) return { ok: true, value: keys };
    const separator = cursor.next();
    if (separator?.kind !== 'punctuation' || separator.text !== ',') return stop(`unexpected ${describe(separator)} in ORDER BY`);
  }
};

export function parseJql(source: string): ParseResult {
  const lexed = lexJql(source);
  if (!lexed.ok) return { ok: false, problem: lexed.problem };
  const cursor = new Cursor(lexed.tokens);
  const clauses: JqlClause[] = [];
  while (!cursor.atEnd() && !isKeyword(cursor.peek(), 'ORDER')) {
    if (clauses.length > 0) {
      const joiner = cursor.next();
      if (!isKeyword(joiner, 'AND')) return { ok: false, problem: `only AND joins clauses, found ${describe(joiner)}` };
    }
    const clause = readClause(cursor);
    if (!clause.ok) return { ok: false, problem: clause.problem };
    clauses.push(clause.value);
  }
  if (cursor.atEnd()) return { ok: true, query: { clauses, orderBy: [] } };
  const orderBy = readOrderBy(cursor);
  return orderBy.ok ? { ok: true, query: { clauses, orderBy: orderBy.value } } : { ok: false, problem: orderBy.problem };
}
