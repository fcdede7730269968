import fc from 'fast-check';
import { jiraPath, withQuery } from './jira-path';

describe('jiraPath', () => {
  it('keeps every value inside its own segment and lets it be decoded back unchanged', () => {
    const value = fc.string({ minLength: 1 }).filter((text) => !/^\.+$/.test(text));
    fc.assert(
      fc.property(value, value, (issue, property) => {
        const path = jiraPath`/rest/api/3/issue/${issue}/properties/${property}`;
        const segments = path.split('/');
        expect(segments).toHaveLength(8);
        expect(segments.slice(5, 6).concat(segments.slice(7)).map(decodeURIComponent)).toEqual([issue, property]);
        expect(path).not.toMatch(/[?#\\]/);
      }),
    );
  });

  it.each(['', '.', '..', '...'])('refuses %j, which would change the path', (value) => {
    expect(() => jiraPath`/rest/api/3/issue/${value}`).toThrow(/path segment/);
  });

  it('writes numbers as they are', () => {
    expect(jiraPath`/rest/api/3/screens/${10010}/tabs/${3}/fields`).toBe('/rest/api/3/screens/10010/tabs/3/fields');
  });
});

describe('withQuery', () => {
  it.each([
    [{}, '/p'],
    [{ a: undefined }, '/p'],
    [{ accountId: '5b10:ac8d', maxResults: 50, flag: false }, '/p?accountId=5b10%3Aac8d&maxResults=50&flag=false'],
    [{ projectId: ['10000', '10001'] }, '/p?projectId=10000&projectId=10001'],
    [{ jql: 'project = SEC & x' }, '/p?jql=project+%3D+SEC+%26+x'],
  ])('%j', (query, expected) => {
    expect(withQuery('/p', query)).toBe(expected);
  });
});
