import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  HTTP_METHODS,
  isHttpMethod,
  openApiDocumentSchema,
  type HttpMethod,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
} from './openapi-document';
import { matchPathTemplate, parsePathTemplate, type PathTemplate } from './path-template';
import { toSchemaView, type Direction } from './schema-view';

export type SpecProblem = { readonly where: 'path' | 'query' | 'body' | 'response'; readonly message: string };

export type OperationMatch = {
  readonly method: HttpMethod;
  readonly pathTemplate: string;
  readonly operationId: string | undefined;
  readonly pathParams: Readonly<Record<string, string>>;
};

export type QueryRecord = Readonly<Record<string, string | readonly string[]>>;

export type SpecRequest = {
  readonly method: string;
  /** May carry a query string; its parameters are merged with `query`. */
  readonly path: string;
  readonly query?: QueryRecord;
  readonly body?: unknown;
};

export type SpecResponse = { readonly method: string; readonly path: string; readonly status: number; readonly body?: unknown };

export type OpenApiValidator = {
  findOperation(method: string, path: string): OperationMatch | null;
  validateRequest(request: SpecRequest): SpecProblem[];
  validateResponse(response: SpecResponse): SpecProblem[];
  /** Checks a value against `#/components/schemas/<name>` as a response body, e.g. an error body Jira sends for any operation. */
  validateComponent(name: string, value: unknown): SpecProblem[];
};

const DOCUMENT_IDS: Readonly<Record<Direction, string>> = {
  request: 'openapi-request-view',
  response: 'openapi-response-view',
};
const JSON_MEDIA_TYPES = ['application/json', '*/*'];
const MAX_PROBLEMS = 20;

const pointerToken = (token: string): string => encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1'));
const refInto = (direction: Direction, tokens: readonly string[]): string =>
  `${DOCUMENT_IDS[direction]}#/${tokens.map(pointerToken).join('/')}`;

type MediaTypes = Readonly<Record<string, { schema?: unknown }>> | undefined;

const jsonMediaType = (content: MediaTypes): string | undefined =>
  JSON_MEDIA_TYPES.find((type) => content?.[type]?.schema !== undefined);

const jsonSchemasOf = (content: MediaTypes): Record<string, { schema: unknown }> =>
  Object.fromEntries(JSON_MEDIA_TYPES.flatMap((type) => (content?.[type]?.schema === undefined ? [] : [[type, { schema: content[type].schema }]])));

/**
 * The document ajv holds: the component schemas plus each operation's body and response schemas, at the same
 * JSON pointers as in the spec. Leaving out descriptions and parameters keeps ajv's indexing of it cheap.
 */
const schemaDocument = (document: OpenApiDocument): object => {
  const paths: Record<string, Record<string, object>> = {};
  for (const [template, item] of Object.entries(document.paths)) {
    const operations: Record<string, object> = {};
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const responses: Record<string, object> = {};
      for (const [status, response] of Object.entries(operation.responses)) responses[status] = { content: jsonSchemasOf(response.content) };
      operations[method] = { requestBody: { content: jsonSchemasOf(operation.requestBody?.content) }, responses };
    }
    paths[template] = operations;
  }
  return { components: { schemas: document.components.schemas }, paths };
};

const describeError = (error: ErrorObject, subject: string): string => {
  const at = error.instancePath === '' ? subject : `${subject} ${error.instancePath}`;
  const params = error.params as Record<string, unknown>;
  if (typeof params.additionalProperty === 'string') return `${at}: '${params.additionalProperty}' is not in the spec`;
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return `${at}: must be one of ${params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  return `${at}: ${error.message ?? error.keyword}`;
};

const problemsFrom = (
  validate: ValidateFunction,
  data: unknown,
  where: SpecProblem['where'],
  subject: string,
): SpecProblem[] =>
  validate(data) ? [] : (validate.errors ?? []).slice(0, MAX_PROBLEMS).map((error) => ({ where, message: describeError(error, subject) }));

/** Query values arrive as strings; repeated keys become arrays (OpenAPI's default `form`, `explode: true`). */
const collectQuery = (path: string, extra: QueryRecord | undefined): Record<string, string[]> => {
  const queryStart = path.indexOf('?');
  const collected: Record<string, string[]> = {};
  const add = (name: string, value: string): void => {
    (collected[name] ??= []).push(value);
  };
  if (queryStart >= 0) new URLSearchParams(path.slice(queryStart + 1)).forEach((value, name) => add(name, value));
  for (const [name, value] of Object.entries(extra ?? {})) {
    for (const item of typeof value === 'string' ? [value] : value) add(name, item);
  }
  return collected;
};

const parameterObjectSchema = (parameters: readonly ParameterObject[], location: 'path' | 'query'): object => {
  const relevant = parameters.filter((parameter) => parameter.in === location);
  return {
    type: 'object',
    properties: Object.fromEntries(relevant.map((parameter) => [parameter.name, parameter.schema ?? {}])),
    required: relevant.filter((parameter) => parameter.required === true || location === 'path').map((p) => p.name),
    additionalProperties: false,
  };
};

/** Scalar parameters arrive once; a single value is unwrapped so `type: integer` sees one string to coerce. */
const shapeForSchema = (values: Record<string, string[]>, parameters: readonly ParameterObject[]): Record<string, unknown> => {
  const shaped: Record<string, unknown> = {};
  for (const [name, list] of Object.entries(values)) {
    const declared = parameters.find((parameter) => parameter.name === name && parameter.in === 'query');
    shaped[name] = declared?.schema?.type === 'array' || list.length !== 1 ? list : list[0];
  }
  return shaped;
};

type CompiledOperation = {
  readonly path: ValidateFunction;
  readonly query: ValidateFunction;
  readonly parameters: readonly ParameterObject[];
  readonly body: ValidateFunction | undefined;
  readonly bodyRequired: boolean;
  readonly responses: Map<string, ValidateFunction | undefined>;
};

/**
 * Validates HTTP exchanges against an OpenAPI 3.0 document. Schemas are compiled the first time an
 * operation is used and then cached: compiling every operation of a large spec up front takes seconds.
 */
export const createOpenApiValidator = (spec: unknown): OpenApiValidator => {
  const document = openApiDocumentSchema.parse(spec);
  const schemas = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(schemas);
  const held = schemaDocument(document);
  for (const direction of ['request', 'response'] as const) {
    schemas.addSchema({ ...(toSchemaView(held, direction) as object), $id: DOCUMENT_IDS[direction] }, undefined, undefined, false);
  }
  const parameters = new Ajv({ strict: false, allErrors: true, coerceTypes: 'array', validateSchema: false });
  addFormats(parameters);

  const templates: PathTemplate[] = Object.keys(document.paths).map(parsePathTemplate);
  const compiled = new Map<string, CompiledOperation>();
  const components = new Map<string, ValidateFunction>();

  const operationAt = (method: HttpMethod, template: string): OperationObject | undefined => document.paths[template]?.[method];

  const compileOperation = (method: HttpMethod, template: string, operation: OperationObject): CompiledOperation => {
    const key = `${method} ${template}`;
    const cached = compiled.get(key);
    if (cached !== undefined) return cached;
    const bodyType = jsonMediaType(operation.requestBody?.content);
    const built: CompiledOperation = {
      path: parameters.compile(parameterObjectSchema(operation.parameters, 'path')),
      query: parameters.compile(parameterObjectSchema(operation.parameters, 'query')),
      parameters: operation.parameters,
      body:
        bodyType === undefined
          ? undefined
          : schemas.compile({ $ref: refInto('request', ['paths', template, method, 'requestBody', 'content', bodyType, 'schema']) }),
      bodyRequired: operation.requestBody?.required === true,
      responses: new Map(),
    };
    compiled.set(key, built);
    return built;
  };

  const responseValidator = (
    method: HttpMethod,
    template: string,
    operation: OperationObject,
    ops: CompiledOperation,
    status: number,
  ): ValidateFunction | undefined | null => {
    const statusKey = [String(status), `${String(status).charAt(0)}XX`, 'default'].find((key) => key in operation.responses);
    if (statusKey === undefined) return null;
    if (!ops.responses.has(statusKey)) {
      const mediaType = jsonMediaType(operation.responses[statusKey]?.content);
      ops.responses.set(
        statusKey,
        mediaType === undefined
          ? undefined
          : schemas.compile({ $ref: refInto('response', ['paths', template, method, 'responses', statusKey, 'content', mediaType, 'schema']) }),
      );
    }
    return ops.responses.get(statusKey);
  };

  const locate = (
    method: string,
    path: string,
  ): { match: OperationMatch; operation: OperationObject } | { problem: SpecProblem } => {
    const bare = path.split('?')[0] ?? path;
    const lower = method.toLowerCase();
    const found = matchPathTemplate(templates, bare);
    if (found === null) return { problem: { where: 'path', message: `no operation in the spec matches path ${bare}` } };
    const operation = isHttpMethod(lower) ? operationAt(lower, found.template) : undefined;
    if (!isHttpMethod(lower) || operation === undefined) {
      const allowed = HTTP_METHODS.filter((candidate) => operationAt(candidate, found.template) !== undefined);
      return {
        problem: {
          where: 'path',
          message: `${method.toUpperCase()} is not an operation of ${found.template} (the spec has ${allowed.map((m) => m.toUpperCase()).join(', ')})`,
        },
      };
    }
    return {
      match: { method: lower, pathTemplate: found.template, operationId: operation.operationId, pathParams: found.params },
      operation,
    };
  };

  return {
    findOperation(method, path) {
      const located = locate(method, path);
      return 'match' in located ? located.match : null;
    },

    validateRequest({ method, path, query, body }) {
      const located = locate(method, path);
      if ('problem' in located) return [located.problem];
      const { match, operation } = located;
      const ops = compileOperation(match.method, match.pathTemplate, operation);
      const problems = [
        ...problemsFrom(ops.path, { ...match.pathParams }, 'path', 'path parameters'),
        ...problemsFrom(ops.query, shapeForSchema(collectQuery(path, query), ops.parameters), 'query', 'query parameters'),
      ];
      if (body === undefined) {
        if (ops.bodyRequired) problems.push({ where: 'body', message: `${match.operationId ?? match.pathTemplate} requires a request body` });
      } else if (operation.requestBody === undefined) {
        problems.push({ where: 'body', message: `${match.operationId ?? match.pathTemplate} takes no request body` });
      } else if (ops.body !== undefined) {
        problems.push(...problemsFrom(ops.body, body, 'body', 'request body'));
      }
      return problems;
    },

    validateResponse({ method, path, status, body }) {
      const located = locate(method, path);
      if ('problem' in located) return [{ where: 'response', message: located.problem.message }];
      const { match, operation } = located;
      const ops = compileOperation(match.method, match.pathTemplate, operation);
      const validate = responseValidator(match.method, match.pathTemplate, operation, ops, status);
      if (validate === null) {
        return [{ where: 'response', message: `status ${status} is not documented for ${match.operationId ?? match.pathTemplate}` }];
      }
      return validate === undefined || body === undefined ? [] : problemsFrom(validate, body, 'response', `response ${status}`);
    },

    validateComponent(name, value) {
      if (!(name in document.components.schemas)) return [{ where: 'response', message: `the spec has no component schema ${name}` }];
      let validate = components.get(name);
      if (validate === undefined) {
        validate = schemas.compile({ $ref: refInto('response', ['components', 'schemas', name]) });
        components.set(name, validate);
      }
      return problemsFrom(validate, value, 'response', name);
    },
  };
};
