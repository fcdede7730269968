import { z } from 'zod';
import { isTtlWithinLimit, type KvsItem, type KvsNamespace, type LocalKvsStore } from './local-kvs-store';

/**
 * The KVS service's HTTP surface as `@forge/kvs` calls it (`POST /api/v1/...` with a JSON body), answered from
 * a local store. Error bodies are `{ code, message }`, which the SDK turns into `ForgeKvsAPIError`. Custom
 * entities and transactions are refused loudly: the app keeps its relational state in SQL, and a silent
 * approximation of the entity store here would let code pass locally that Forge rejects.
 */

export type KvsHttpResult = { readonly status: number; readonly body?: unknown };

const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
const MAX_KEY_LENGTH = 500;
const MAX_VALUE_BYTES = 240 * 1024;
const DEFAULT_QUERY_LIMIT = 10;
const MAX_QUERY_LIMIT = 100;
const MAX_BATCH_ITEMS = 25;

const metadataFieldsSchema = z.array(z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'])).optional();
const ttlSchema = z.object({ value: z.number(), unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']) });
const keySchema = z.string();
const getSchema = z.object({ key: keySchema, options: z.object({ metadataFields: metadataFieldsSchema }).optional() });
const setOptionsSchema = z.object({
  ttl: ttlSchema.optional(),
  keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
  returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
  returnMetadataFields: metadataFieldsSchema,
});
const setSchema = z.object({ key: keySchema, value: z.unknown(), options: setOptionsSchema.optional() });
const deleteSchema = z.object({ key: keySchema });
const querySchema = z.object({
  limit: z.number().int().optional(),
  after: z.string().optional(),
  where: z
    .array(z.object({ property: z.literal('key'), condition: z.literal('BEGINS_WITH'), values: z.tuple([z.string()]) }))
    .max(1)
    .optional(),
  options: z.object({ metadataFields: metadataFieldsSchema }).optional(),
});
const batchItemSchema = z.object({ key: keySchema, entityName: z.string().optional() });
const batchSetSchema = z.array(batchItemSchema.extend({ value: z.unknown(), options: z.object({ ttl: ttlSchema.optional() }).optional() }));
const batchGetSchema = z.array(batchItemSchema.extend({ options: z.object({ metadataFields: metadataFieldsSchema }).optional() }));
const batchDeleteSchema = z.array(batchItemSchema);

type MetadataFields = z.infer<typeof metadataFieldsSchema>;

const error = (status: number, code: string, message: string): KvsHttpResult => ({ status, body: { code, message } });
const notFound = (): KvsHttpResult => error(404, 'KEY_NOT_FOUND', 'Provided key does not exist');

const keyProblem = (key: string): string | undefined => {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return `key must be 1-${MAX_KEY_LENGTH} characters long`;
  if (!KEY_PATTERN.test(key)) return `key "${key}" must match ${KEY_PATTERN.source}`;
  return undefined;
};

const valueProblem = (value: unknown): string | undefined => {
  if (value === undefined) return 'value is required';
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  return bytes > MAX_VALUE_BYTES ? `value is ${bytes} bytes; the limit is ${MAX_VALUE_BYTES}` : undefined;
};

/** The wire representation of an item: metadata only when asked for, as the service does. */
const describe = (item: KvsItem, fields: MetadataFields): Record<string, unknown> => ({
  key: item.key,
  value: item.value,
  ...(fields?.includes('CREATED_AT') ? { createdAt: item.createdAt } : {}),
  ...(fields?.includes('UPDATED_AT') ? { updatedAt: item.updatedAt } : {}),
  ...(fields?.includes('EXPIRE_TIME') && item.expiresAtMs !== undefined
    ? { expireTime: new Date(item.expiresAtMs).toISOString() }
    : {}),
});

const ALL_METADATA: MetadataFields = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'];

function handleGet(store: LocalKvsStore, namespace: KvsNamespace, body: unknown): KvsHttpResult {
  const request = getSchema.parse(body);
  const item = store.get(namespace, request.key);
  return item === undefined ? notFound() : { status: 200, body: describe(item, ALL_METADATA) };
}

function handleSet(store: LocalKvsStore, namespace: KvsNamespace, body: unknown): KvsHttpResult {
  const request = setSchema.parse(body);
  const problem = keyProblem(request.key) ?? valueProblem(request.value);
  if (problem !== undefined) return error(400, 'BAD_REQUEST', problem);
  const options = request.options;
  if (options?.ttl !== undefined && !isTtlWithinLimit(options.ttl)) {
    return error(400, 'BAD_REQUEST', 'ttl must be a positive whole number of units of at most one year');
  }
  if (options?.returnValue !== undefined && options.keyPolicy !== 'OVERRIDE') {
    return error(400, 'BAD_REQUEST', 'returnValue is only allowed with keyPolicy OVERRIDE');
  }
  const outcome = store.set(namespace, request.key, request.value, {
    ...(options?.ttl === undefined ? {} : { ttl: options.ttl }),
    failIfExists: options?.keyPolicy === 'FAIL_IF_EXISTS',
  });
  if (!outcome.written) return error(409, 'KEY_CONFLICT', `Key "${request.key}" already exists`);
  if (options?.returnValue === undefined) return { status: 204 };
  const returned = options.returnValue === 'LATEST' ? outcome.latest : outcome.previous;
  return returned === undefined ? { status: 204 } : { status: 200, body: describe(returned, options.returnMetadataFields) };
}

function handleDelete(store: LocalKvsStore, namespace: KvsNamespace, body: unknown): KvsHttpResult {
  const request = deleteSchema.parse(body);
  store.delete(namespace, request.key);
  return { status: 204 };
}

function handleQuery(store: LocalKvsStore, body: unknown): KvsHttpResult {
  const request = querySchema.parse(body);
  const limit = request.limit ?? DEFAULT_QUERY_LIMIT;
  if (limit < 1 || limit > MAX_QUERY_LIMIT) return error(400, 'BAD_REQUEST', `limit must be between 1 and ${MAX_QUERY_LIMIT}`);
  const afterKey = request.after === undefined ? undefined : Buffer.from(request.after, 'base64url').toString('utf8');
  const page = store.queryByPrefix(request.where?.[0]?.values[0] ?? '', limit, afterKey);
  const fields = request.options?.metadataFields;
  return {
    status: 200,
    body: {
      data: page.items.map((item) => describe(item, fields)),
      ...(page.nextAfterKey === undefined ? {} : { cursor: Buffer.from(page.nextAfterKey, 'utf8').toString('base64url') }),
    },
  };
}

type BatchItemOutcome = { readonly ok: true; readonly success: unknown } | { readonly ok: false; readonly failure: unknown };

const failed = (key: string, code: string, message: string, entityName?: string): BatchItemOutcome => ({
  ok: false,
  failure: { key, ...(entityName === undefined ? {} : { entityName }), error: { code, message } },
});

const ENTITY_UNSUPPORTED = 'custom entities are not available in the local Forge runtime';

/** Batches are best effort per item, as in Forge: one bad item fails alone, the rest are applied. */
function batchResult(count: number, outcomes: () => BatchItemOutcome[]): KvsHttpResult {
  if (count > MAX_BATCH_ITEMS) return error(400, 'BAD_REQUEST', `a batch holds at most ${MAX_BATCH_ITEMS} items`);
  const all = outcomes();
  return {
    status: 200,
    body: {
      successfulKeys: all.flatMap((outcome) => (outcome.ok ? [outcome.success] : [])),
      failedKeys: all.flatMap((outcome) => (outcome.ok ? [] : [outcome.failure])),
    },
  };
}

function handleBatchSet(store: LocalKvsStore, body: unknown): KvsHttpResult {
  const items = batchSetSchema.parse(body);
  return batchResult(items.length, () =>
    items.map((item): BatchItemOutcome => {
      if (item.entityName !== undefined) return failed(item.key, 'UNSUPPORTED_IN_SANDBOX', ENTITY_UNSUPPORTED, item.entityName);
      const problem = keyProblem(item.key) ?? valueProblem(item.value);
      if (problem !== undefined) return failed(item.key, 'BAD_REQUEST', problem);
      const ttl = item.options?.ttl;
      if (ttl !== undefined && !isTtlWithinLimit(ttl)) return failed(item.key, 'BAD_REQUEST', 'ttl must be at most one year');
      store.set('values', item.key, item.value, ttl === undefined ? {} : { ttl });
      return { ok: true, success: { key: item.key } };
    }),
  );
}

function handleBatchGet(store: LocalKvsStore, body: unknown): KvsHttpResult {
  const items = batchGetSchema.parse(body);
  return batchResult(items.length, () =>
    items.map((item): BatchItemOutcome => {
      if (item.entityName !== undefined) return failed(item.key, 'UNSUPPORTED_IN_SANDBOX', ENTITY_UNSUPPORTED, item.entityName);
      const found = store.get('values', item.key);
      return found === undefined
        ? failed(item.key, 'KEY_NOT_FOUND', 'Provided key does not exist')
        : { ok: true, success: describe(found, item.options?.metadataFields) };
    }),
  );
}

function handleBatchDelete(store: LocalKvsStore, body: unknown): KvsHttpResult {
  const items = batchDeleteSchema.parse(body);
  return batchResult(items.length, () =>
    items.map((item): BatchItemOutcome => {
      if (item.entityName !== undefined) return failed(item.key, 'UNSUPPORTED_IN_SANDBOX', ENTITY_UNSUPPORTED, item.entityName);
      store.delete('values', item.key);
      return { ok: true, success: { key: item.key } };
    }),
  );
}

export function createKvsApiHandler(store: LocalKvsStore): (path: string, body: unknown) => KvsHttpResult {
  return (path, body) => {
    try {
      switch (path) {
        case '/api/v1/get':
          return handleGet(store, 'values', body);
        case '/api/v1/set':
          return handleSet(store, 'values', body);
        case '/api/v1/delete':
          return handleDelete(store, 'values', body);
        case '/api/v1/query':
          return handleQuery(store, body);
        case '/api/v1/secret/get':
          return handleGet(store, 'secrets', body);
        case '/api/v1/secret/set':
          return handleSet(store, 'secrets', body);
        case '/api/v1/secret/delete':
          return handleDelete(store, 'secrets', body);
        case '/api/v1/batch/set':
          return handleBatchSet(store, body);
        case '/api/v1/batch/get':
          return handleBatchGet(store, body);
        case '/api/v1/batch/delete':
          return handleBatchDelete(store, body);
        default:
          return error(501, 'UNSUPPORTED_IN_SANDBOX', `${path} (custom entities, transactions) is not available in the local Forge runtime`);
      }
    } catch (cause) {
      if (cause instanceof z.ZodError) return error(400, 'BAD_REQUEST', z.prettifyError(cause));
      throw cause;
    }
  };
}
