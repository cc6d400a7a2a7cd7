import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject, OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** Where every app serves its OpenAPI document: the page for people, and the JSON beside it (Nest's convention). */
export const DOCS_PATH = 'docs';
export const DOCS_JSON_PATH = `${DOCS_PATH}-json`;

export interface OpenApiOptions {
  title: string;
  description: string;
  /** Named schemas not generated from a DTO class (ingest's event union), referenced as `#/components/schemas/<name>`. */
  schemas?: Record<string, SchemaObject>;
}

const ERROR_BODY = 'ErrorBody';

/** The one error shape of every app (HttpErrorFilter's ErrorBody), as a schema. */
const ERROR_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 401 },
    code: { type: 'string', description: 'Machine-readable reason', example: 'invalid_bureau_token' },
    message: { type: 'string', description: 'For people', example: 'The bureau token is unknown or revoked' },
    correlationId: {
      type: 'string',
      description: 'Quote it when reporting a problem; it is in the server log line of the request',
      example: 'b3c1a2f0-5d4e-4c1b-9a77-0e2f4b6d8c91',
    },
  },
  additionalProperties: true,
};

/** Responses every operation behind a bearer credential can give, added where the operation does not say more. */
const AUTH_RESPONSES: Record<string, { description: string; example: { statusCode: number; code: string; message: string } }> = {
  '401': {
    description: 'No credential, or an unknown or revoked one',
    example: { statusCode: 401, code: 'unauthorized', message: 'Authorization: Bearer <token> is required' },
  },
  '429': {
    description:
      'Too many failed authentications from this address or for this credential prefix (too_many_auth_failures, with Retry-After); a valid credential is never refused for others’ failures',
    example: { statusCode: 429, code: 'too_many_auth_failures', message: 'Too many failed authentications; retry after the Retry-After seconds' },
  },
};

/** The Prometheus module's own route, which carries no OpenAPI decorators. */
const METRICS_PATH = '/metrics';
const METRICS_OPERATION: Partial<OperationObject> = {
  summary: 'Prometheus metrics',
  tags: ['operations'],
  responses: { '200': { description: 'Text exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } } },
};

const BAD_REQUEST = {
  description: 'A parameter or the body is not acceptable; `code` says which rule',
  example: { statusCode: 400, code: 'bad_request', message: 'period must be a period id like 2024, 2024Q1, 202403 or 20240315' },
};

/**
 * Builds the app's OpenAPI document and serves it at /docs (page) and /docs-json (JSON, linked from
 * the page). Credentials are opaque bearer tokens (API keys, bureau and admin tokens), not JWTs.
 * Every error response refers to the one ErrorBody schema, and operations behind a credential
 * document 401 and 429, those with parameters or a body 400, so generated clients know them all.
 */
export function setUpOpenApi(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(`${options.description}\n\nThis document as JSON: [/${DOCS_JSON_PATH}](/${DOCS_JSON_PATH}).`)
    .setVersion('1')
    .addServer('/')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'opaque',
      description: 'An opaque token issued by the operator: an institution API key (ingest), a bureau token (query) or the admin token',
    })
    .build();
  const document = completeDocument(SwaggerModule.createDocument(app, config), options.schemas ?? {});
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: DOCS_JSON_PATH, yamlDocumentUrl: `${DOCS_PATH}-yaml` });
  return document;
}

/** Adds the shared schemas and the error responses an operation leaves unsaid. Exported for tests. */
export function completeDocument(document: OpenAPIObject, schemas: Record<string, SchemaObject>): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...schemas, [ERROR_BODY]: ERROR_BODY_SCHEMA } };
  for (const [name, path] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = path[method];
      if (operation) completeOperation(name, operation, (path.parameters?.length ?? 0) > 0);
    }
  }
  return document;
}

function completeOperation(path: string, operation: OperationObject, pathHasParameters: boolean): void {
  const responses = operation.responses as Record<string, ResponseObject>;
  if (path === METRICS_PATH) Object.assign(operation, METRICS_OPERATION);
  // An operation without a credential says so (`security: []`) instead of leaving it unsaid.
  operation.security ??= [];
  if (operation.security.length > 0) {
    for (const [status, response] of Object.entries(AUTH_RESPONSES)) responses[status] ??= errorResponse(response.description, response.example);
  }
  if (pathHasParameters || (operation.parameters?.length ?? 0) > 0 || operation.requestBody)
    responses['400'] ??= errorResponse(BAD_REQUEST.description, BAD_REQUEST.example);
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) >= 400 && !response.content) response.content = { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_BODY}` } } };
  }
}

function errorResponse(description: string, example: object): ResponseObject {
  return { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_BODY}` }, example } } };
}
