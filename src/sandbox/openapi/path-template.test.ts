import fc from 'fast-check';
import { matchPathTemplate, parsePathTemplate } from './path-template';

const templates = [
  '/rest/api/3/issue/{issueIdOrKey}',
  '/rest/api/3/issue/bulkfetch',
  '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
  '/rest/api/3/issue/properties/{propertyKey}',
  '/rest/api/3/screens/{screenId}/tabs/{tabId}/fields',
].map(parsePathTemplate);

describe('matchPathTemplate', () => {
  it.each([
    ['/rest/api/3/issue/SEC-1', '/rest/api/3/issue/{issueIdOrKey}', { issueIdOrKey: 'SEC-1' }],
    ['/rest/api/3/issue/bulkfetch', '/rest/api/3/issue/bulkfetch', {}],
    ['/rest/api/3/issue/properties/secexc', '/rest/api/3/issue/properties/{propertyKey}', { propertyKey: 'secexc' }],
    [
      '/rest/api/3/issue/SEC-1/properties/secexc.checkpoint',
      '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
      { issueIdOrKey: 'SEC-1', propertyKey: 'secexc.checkpoint' },
    ],
    ['/rest/api/3/screens/10/tabs/20/fields', '/rest/api/3/screens/{screenId}/tabs/{tabId}/fields', { screenId: '10', tabId: '20' }],
    ['/rest/api/3/issue/a%20b', '/rest/api/3/issue/{issueIdOrKey}', { issueIdOrKey: 'a b' }],
  ])('%s matches %s, literal segments winning over templated ones', (path, template, params) => {
    expect(matchPathTemplate(templates, path)).toEqual({ template, params });
  });

  it.each([
    ['an unknown path', '/rest/api/3/nothing-here'],
    ['too many segments', '/rest/api/3/issue/SEC-1/extra'],
    ['an empty parameter', '/rest/api/3/issue/'],
    ['a malformed escape', '/rest/api/3/issue/%E0%A4%A'],
  ])('refuses %s', (_label, path) => {
    expect(matchPathTemplate(templates, path)).toBeNull();
  });

  it('returns every parameter value as it was before percent-encoding', () => {
    const segment = fc.string({ minLength: 1 }).filter((value) => value !== 'bulkfetch' && value !== 'properties');
    fc.assert(
      fc.property(segment, segment, (issue, property) => {
        const path = `/rest/api/3/issue/${encodeURIComponent(issue)}/properties/${encodeURIComponent(property)}`;
        expect(matchPathTemplate(templates, path)?.params).toEqual({ issueIdOrKey: issue, propertyKey: property });
      }),
    );
  });
});
