import fc from 'fast-check';
import { createOpenApiValidator } from './openapi-validator';
import { jiraPlatformValidator } from './testing/jira-platform-spec';

/** A small document that exercises every rule in isolation. */
const miniSpec = {
  openapi: '3.0.1',
  paths: {
    '/things/{thingId}': {
      get: {
        operationId: 'getThing',
        parameters: [
          { name: 'thingId', in: 'path', required: true, schema: { type: 'integer' } },
          { name: 'view', in: 'query', schema: { type: 'string', enum: ['short', 'full'] } },
          { name: 'tags', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
          { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
        ],
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          '404': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } } },
        },
      },
      put: {
        operationId: 'putThing',
        parameters: [
          { name: 'thingId', in: 'path', required: true, schema: { type: 'integer' } },
          { name: 'notify', in: 'query', required: true, schema: { type: 'boolean' } },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
        responses: { '204': { content: {} }, default: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } } } },
      },
    },
    '/things/search': {
      post: {
        operationId: 'searchThings',
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { q: { type: 'string' } }, additionalProperties: false } } } },
        responses: { '200': { content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } } } } },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name'],
        properties: {
          id: { type: 'string', readOnly: true },
          name: { type: 'string', maxLength: 20 },
          owner: { type: 'string', nullable: true },
          colour: { type: 'string', enum: ['red', 'blue'] },
        },
      },
      Errors: { type: 'object', properties: { errorMessages: { type: 'array', items: { type: 'string' } } } },
    },
  },
};

const mini = createOpenApiValidator(miniSpec);
/** Where the problems are, each place once: one wrong value may break several rules. */
const wheres = (problems: readonly { where: string }[]): string[] => [...new Set(problems.map((problem) => problem.where))];

describe('createOpenApiValidator on a small document', () => {
  it('refuses a document that is not OpenAPI 3.0', () => {
    expect(() => createOpenApiValidator({ openapi: '3.1.0', paths: {} })).toThrow(/OpenAPI 3\.0/);
  });

  it.each([
    ['GET', '/things/12', { method: 'get', pathTemplate: '/things/{thingId}', operationId: 'getThing', pathParams: { thingId: '12' } }],
    ['post', '/things/search?x=1', { method: 'post', pathTemplate: '/things/search', operationId: 'searchThings', pathParams: {} }],
    ['POST', '/things/12', null],
    ['GET', '/things/search', null],
    ['GET', '/elsewhere', null],
  ])('findOperation(%s %s)', (method, path, expected) => {
    expect(mini.findOperation(method, path)).toEqual(expected);
  });

  it.each([
    ['a plain read', { method: 'GET', path: '/things/12' }],
    ['an enum query value', { method: 'GET', path: '/things/12?view=full' }],
    ['a repeated array parameter', { method: 'GET', path: '/things/12?tags=a&tags=b' }],
    ['a query record', { method: 'GET', path: '/things/12', query: { tags: ['a'], view: 'short' } }],
    ['a body without its read-only required id', { method: 'PUT', path: '/things/1?notify=true', body: { name: 'n', owner: null } }],
    ['an optional body left out', { method: 'POST', path: '/things/search' }],
  ])('accepts %s', (_label, request) => {
    expect(mini.validateRequest(request)).toEqual([]);
  });

  it.each([
    ['a path parameter of the wrong type', { method: 'GET', path: '/things/abc' }, ['path']],
    ['a value outside the enum', { method: 'GET', path: '/things/1?view=tiny' }, ['query']],
    ['an unknown query parameter', { method: 'GET', path: '/things/1?verbose=1' }, ['query']],
    ['a missing required query parameter', { method: 'PUT', path: '/things/1', body: { name: 'n' } }, ['query']],
    ['a boolean that is not one', { method: 'PUT', path: '/things/1?notify=yes', body: { name: 'n' } }, ['query']],
    ['a missing required body', { method: 'PUT', path: '/things/1?notify=false' }, ['body']],
    ['a body the operation does not take', { method: 'GET', path: '/things/1', body: {} }, ['body']],
    ['an unknown body property', { method: 'PUT', path: '/things/1?notify=true', body: { name: 'n', size: 3 } }, ['body']],
    ['a body field over its maxLength', { method: 'PUT', path: '/things/1?notify=true', body: { name: 'x'.repeat(21) } }, ['body']],
    ['a missing required body field', { method: 'PUT', path: '/things/1?notify=true', body: { owner: 'o' } }, ['body']],
    ['an unknown operation', { method: 'DELETE', path: '/things/1' }, ['path']],
  ])('refuses %s', (_label, request, expected) => {
    expect(wheres(mini.validateRequest(request))).toEqual(expected);
  });

  it('names the offending parameter and the allowed values in its messages', () => {
    expect(mini.validateRequest({ method: 'GET', path: '/things/1?view=tiny&verbose=1' }).map((p) => p.message)).toEqual([
      "query parameters: 'verbose' is not in the spec",
      'query parameters /view: must be one of "short", "full"',
    ]);
  });

  it.each([
    ['a documented body', 200, { id: '1', name: 'n' }, []],
    ['a read-only field being required in a response', 200, { name: 'n' }, ['response']],
    ['a null where the field is nullable', 200, { id: '1', name: 'n', owner: null }, []],
    ['a null where it is not', 200, { id: '1', name: 'n', colour: null }, ['response']],
    ['an error body for a documented error', 404, { errorMessages: ['gone'] }, []],
    ['an undocumented status', 500, { errorMessages: ['boom'] }, ['response']],
  ])('judges a GET response with %s', (_label, status, body, expected) => {
    expect(wheres(mini.validateResponse({ method: 'GET', path: '/things/1', status, body }))).toEqual(expected);
  });

  it('validates a value against a named component schema', () => {
    expect(mini.validateComponent('Errors', { errorMessages: ['x'] })).toEqual([]);
    expect(wheres(mini.validateComponent('Errors', { errorMessages: 'x' }))).toEqual(['response']);
    expect(mini.validateComponent('Nothing', {})).toEqual([{ where: 'response', message: 'the spec has no component schema Nothing' }]);
  });

  it('falls back to the default response and accepts an empty 204', () => {
    expect(mini.validateResponse({ method: 'PUT', path: '/things/1', status: 204 })).toEqual([]);
    expect(mini.validateResponse({ method: 'PUT', path: '/things/1', status: 409, body: { errorMessages: 'no' } })).toHaveLength(1);
  });
});

describe('createOpenApiValidator on the Jira platform spec', () => {
  const jira = jiraPlatformValidator();

  it('prefers the literal bulkfetch route over the issue route', () => {
    expect(jira.findOperation('POST', '/rest/api/3/issue/bulkfetch')?.operationId).toBe('bulkFetchIssues');
    expect(jira.findOperation('GET', '/rest/api/3/issue/SEC-7')?.operationId).toBe('getIssue');
  });

  it('accepts any well-formed JQL search request', () => {
    const body = fc.record(
      {
        jql: fc.string(),
        maxResults: fc.integer({ min: 1, max: 5000 }),
        fields: fc.array(fc.string()),
        nextPageToken: fc.string(),
        reconcileIssues: fc.array(fc.nat()),
      },
      { requiredKeys: ['jql'] },
    );
    fc.assert(
      fc.property(body, (searchBody) => {
        expect(jira.validateRequest({ method: 'POST', path: '/rest/api/3/search/jql', body: searchBody })).toEqual([]);
      }),
    );
  });

  it('refuses a JQL search whose field has the wrong shape', () => {
    const wrong = fc.oneof(
      fc.record({ jql: fc.string(), maxResults: fc.string() }),
      fc.record({ jql: fc.integer() }),
      fc.record({ jql: fc.string(), fields: fc.string() }),
      fc.record({ jql: fc.string(), startAt: fc.nat() }),
    );
    fc.assert(
      fc.property(wrong, (searchBody) => {
        expect(wheres(jira.validateRequest({ method: 'POST', path: '/rest/api/3/search/jql', body: searchBody }))).toContain('body');
      }),
    );
  });

  it('checks query parameters against their declared types', () => {
    const accountId = fc.string({ minLength: 1, maxLength: 128 });
    fc.assert(
      fc.property(accountId, (id) => {
        expect(jira.validateRequest({ method: 'GET', path: '/rest/api/3/user/groups', query: { accountId: id } })).toEqual([]);
      }),
    );
    expect(wheres(jira.validateRequest({ method: 'GET', path: '/rest/api/3/user/groups' }))).toEqual(['query']);
    expect(wheres(jira.validateRequest({ method: 'GET', path: '/rest/api/3/screens/abc/tabs' }))).toEqual(['path']);
    expect(wheres(jira.validateRequest({ method: 'GET', path: '/rest/api/3/screens?orderBy=colour' }))).toEqual(['query']);
  });

  it('validates a response body through nested component references', () => {
    const issue = { id: '10001', key: 'SEC-1', self: 'https://example.atlassian.net/rest/api/3/issue/10001', fields: {} };
    expect(jira.validateResponse({ method: 'GET', path: '/rest/api/3/issue/SEC-1', status: 200, body: issue })).toEqual([]);
    expect(
      wheres(jira.validateResponse({ method: 'GET', path: '/rest/api/3/issue/SEC-1', status: 200, body: { ...issue, fields: [] } })),
    ).toEqual(['response']);
  });
});
