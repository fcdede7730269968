import fc from 'fast-check';
import { lexJql } from './jql-lexer';
import { parseJql, type JqlQuery } from './jql-parser';

describe('JQL the stand-in understands', () => {
  it.each<[string, JqlQuery]>([
    [
      'project = SEC AND issuetype = "Security Exception"',
      { clauses: [{ field: 'project', values: ['SEC'] }, { field: 'issuetype', values: ['Security Exception'] }], orderBy: [] },
    ],
    [
      'project = SEC AND issuetype = "Security Exception" AND status in ("Active", "Awaiting Approval")',
      {
        clauses: [
          { field: 'project', values: ['SEC'] },
          { field: 'issuetype', values: ['Security Exception'] },
          { field: 'status', values: ['Active', 'Awaiting Approval'] },
        ],
        orderBy: [],
      },
    ],
    ['key in (SEC-1, SEC-22)', { clauses: [{ field: 'key', values: ['SEC-1', 'SEC-22'] }], orderBy: [] }],
    [
      'project = SEC AND updated >= "2026-03-01 08:30" ORDER BY updated ASC',
      {
        clauses: [{ field: 'project', values: ['SEC'] }, { field: 'updated', operator: '>=', value: '2026-03-01 08:30' }],
        orderBy: [{ field: 'updated', direction: 'ASC' }],
      },
    ],
    ['issuekey IN (SEC-3) order by KEY desc', { clauses: [{ field: 'key', values: ['SEC-3'] }], orderBy: [{ field: 'key', direction: 'DESC' }] }],
    ["type = 'Security Exception' ORDER BY key", { clauses: [{ field: 'issuetype', values: ['Security Exception'] }], orderBy: [{ field: 'key', direction: 'ASC' }] }],
    ['ORDER BY key ASC', { clauses: [], orderBy: [{ field: 'key', direction: 'ASC' }] }],
    [
      'project = 10000 AND labels = "exception-register-home" ORDER BY key ASC',
      {
        clauses: [{ field: 'project', values: ['10000'] }, { field: 'labels', values: ['exception-register-home'] }],
        orderBy: [{ field: 'key', direction: 'ASC' }],
      },
    ],
  ])('%s', (source, expected) => {
    expect(parseJql(source)).toEqual({ ok: true, query: expected });
  });

  it.each([
    ['project = SEC OR project = OPS', /only AND/],
    ['assignee = currentUser()', /field 'assignee' is not supported/],
    ['project != SEC', /supports only = and IN/],
    ['status not in (Done)', /supports only = and IN/],
    ['updated = "2026-01-01"', /'updated' supports only/],
    ['key in membersOf("x")', /expected '\(' after IN/],
    ['project = currentProject()', /functions/],
    ['(project = SEC)', /expected a field name/],
    ['project = SEC ORDER BY created DESC', /ordering by 'created'/],
    ['summary ~ "tls"', /field 'summary' is not supported/],
    ['project = "SEC', /unterminated string/],
    ['project = SEC; DROP', /unexpected character ';'/],
  ])('refuses %s', (source, problem) => {
    const result = parseJql(source);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toMatch(problem);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (source) => {
        const result = parseJql(source);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('reads back any quoted value exactly, escapes included', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (value) => {
        const quoted = `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
        const lexed = lexJql(`status = ${quoted}`);
        expect(lexed).toEqual({
          ok: true,
          tokens: [
            { kind: 'word', text: 'status', at: 0 },
            { kind: 'operator', text: '=', at: 7 },
            { kind: 'string', text: value, at: 9 },
          ],
        });
      }),
    );
  });
});
