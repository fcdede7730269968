/**
 * OpenAPI 3.0 schemas are not quite JSON Schema. This rewrites a document so ajv judges it the way the
 * OpenAPI specification means it, separately for each direction of travel:
 * - a `readOnly` property is never required in a request and a `writeOnly` one never in a response
 *   (Jira's spec marks ids and `self` links as both required and readOnly);
 * - `nullable: true` next to an `enum` lets `null` through, which ajv's own `nullable` does not;
 * - `additionalProperties: false` beside `allOf`/`anyOf`/`oneOf` would refuse the very properties the
 *   composed schemas declare (draft-07 has no `unevaluatedProperties`), so it is dropped there.
 */

export type Direction = 'request' | 'response';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const COMPOSITIONS = ['allOf', 'anyOf', 'oneOf'] as const;

const hiddenFlag = (direction: Direction): 'readOnly' | 'writeOnly' =>
  direction === 'request' ? 'readOnly' : 'writeOnly';

const requiredForDirection = (node: JsonObject, direction: Direction): unknown => {
  const { required, properties } = node;
  if (!Array.isArray(required) || !isObject(properties)) return required;
  const flag = hiddenFlag(direction);
  return required.filter((name) => {
    const property = typeof name === 'string' ? properties[name] : undefined;
    return !(isObject(property) && property[flag] === true);
  });
};

const rewriteNode = (node: JsonObject, direction: Direction): JsonObject => {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = toSchemaView(value, direction);
  if ('required' in node) out.required = requiredForDirection(node, direction);
  const values: unknown = node.enum;
  if (node.nullable === true && Array.isArray(values) && !values.includes(null)) out.enum = [...(values as unknown[]), null];
  if (node.additionalProperties === false && COMPOSITIONS.some((keyword) => keyword in node)) {
    delete out.additionalProperties;
  }
  return out;
};

/** A deep copy of `value` with the direction's OpenAPI semantics made explicit for a JSON Schema validator. */
export const toSchemaView = (value: unknown, direction: Direction): unknown => {
  if (Array.isArray(value)) return value.map((item) => toSchemaView(item, direction));
  return isObject(value) ? rewriteNode(value, direction) : value;
};
