import { z } from 'zod';

/**
 * The parts of an OpenAPI 3.0 document the validator reads. Everything else (descriptions, examples, vendor
 * extensions) passes through untouched so the document can be handed to ajv whole.
 */

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

const schemaObject = z.record(z.string(), z.unknown());

const parameterSchema = z.looseObject({
  name: z.string(),
  in: z.enum(['path', 'query', 'header', 'cookie']),
  required: z.boolean().optional(),
  schema: schemaObject.optional(),
});
export type ParameterObject = z.infer<typeof parameterSchema>;

const mediaTypesSchema = z.record(z.string(), z.looseObject({ schema: schemaObject.optional() }));

const operationSchema = z.looseObject({
  operationId: z.string().optional(),
  parameters: z.array(parameterSchema).default([]),
  requestBody: z.looseObject({ required: z.boolean().optional(), content: mediaTypesSchema.default({}) }).optional(),
  responses: z.record(z.string(), z.looseObject({ content: mediaTypesSchema.optional() })),
});
export type OperationObject = z.infer<typeof operationSchema>;

const pathItemSchema = z.looseObject(
  Object.fromEntries(HTTP_METHODS.map((method) => [method, operationSchema.optional()])) as Record<
    HttpMethod,
    z.ZodOptional<typeof operationSchema>
  >,
);
export type PathItemObject = z.infer<typeof pathItemSchema>;

export const openApiDocumentSchema = z.looseObject({
  openapi: z.string().regex(/^3\.0\.\d+$/, 'only OpenAPI 3.0.x documents are supported'),
  paths: z.record(z.string(), pathItemSchema),
  components: z.looseObject({ schemas: z.record(z.string(), z.unknown()).default({}) }).default({ schemas: {} }),
});
export type OpenApiDocument = z.infer<typeof openApiDocumentSchema>;

export const isHttpMethod = (value: string): value is HttpMethod => (HTTP_METHODS as readonly string[]).includes(value);
