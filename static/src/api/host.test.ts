import { describe, expect, it } from 'vitest';
import { toHostContext } from './host';

describe('the product context', () => {
  it('reads the issue, project, account, colour mode and the module extension', () => {
    const context = toHostContext({
      accountId: '557058:a',
      moduleKey: 'exception-panel',
      theme: { colorMode: 'dark' },
      extension: { type: 'jira:issuePanel', issue: { key: 'SEC-12', id: '10001' }, project: { key: 'SEC' }, fieldValue: { x: 1 } },
    });
    expect(context).toMatchObject({ accountId: '557058:a', moduleKey: 'exception-panel', colorMode: 'dark', issueKey: 'SEC-12', projectKey: 'SEC' });
    expect(context.extension.fieldValue).toEqual({ x: 1 });
  });

  it.each([[undefined], [null], ['text'], [{ theme: { colorMode: 'sepia' } }]])('falls back to an empty context for %j', (raw) => {
    expect(toHostContext(raw)).toEqual({ accountId: null, moduleKey: '', colorMode: null, projectKey: null, issueKey: null, extension: {} });
  });
});
