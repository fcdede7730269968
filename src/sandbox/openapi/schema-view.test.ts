import { toSchemaView } from './schema-view';

const bean = {
  type: 'object',
  required: ['id', 'name', 'secret'],
  properties: {
    id: { type: 'string', readOnly: true },
    name: { type: 'string' },
    secret: { type: 'string', writeOnly: true },
    kind: { type: 'string', enum: ['a', 'b'], nullable: true },
  },
};

describe('toSchemaView', () => {
  it.each([
    ['request', ['name', 'secret']],
    ['response', ['id', 'name']],
  ] as const)('in a %s only the properties that travel that way stay required', (direction, required) => {
    expect(toSchemaView(bean, direction)).toMatchObject({ required });
  });

  it('lets null through a nullable enum', () => {
    expect(toSchemaView(bean, 'response')).toMatchObject({ properties: { kind: { enum: ['a', 'b', null] } } });
  });

  it('drops additionalProperties: false only where composed schemas declare the properties', () => {
    const composed = { additionalProperties: false, oneOf: [{ $ref: '#/components/schemas/A' }] };
    const plain = { additionalProperties: false, properties: { a: { type: 'string' } } };
    expect(toSchemaView(composed, 'request')).toEqual({ oneOf: [{ $ref: '#/components/schemas/A' }] });
    expect(toSchemaView(plain, 'request')).toEqual(plain);
  });

  it('rewrites nested schemas and leaves the input untouched', () => {
    const document = { components: { schemas: { Bean: bean } } };
    const copy = structuredClone(document);
    expect(toSchemaView(document, 'request')).toMatchObject({ components: { schemas: { Bean: { required: ['name', 'secret'] } } } });
    expect(document).toEqual(copy);
  });
});
