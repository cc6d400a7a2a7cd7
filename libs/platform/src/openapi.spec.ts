import type { OpenAPIObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { completeDocument } from './openapi';

describe('completeDocument', () => {
  const document = (): OpenAPIObject => ({
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/health': { get: { responses: { '200': { description: 'ok' } } } },
      '/metrics': { get: { responses: { '200': { description: '' } } } },
      '/v1/things/{id}': {
        get: {
          security: [{ bearer: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'ok' }, '404': { description: 'No such thing' } },
        },
      },
    },
  });

  it('documents 401, 429 and 400 with the one error schema where an operation leaves them unsaid', () => {
    const completed = completeDocument(document(), {});
    const operation = completed.paths['/v1/things/{id}'].get!;
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '401', '404', '429']);
    for (const status of ['400', '401', '404', '429']) {
      expect(operation.responses[status]).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } });
    }
    expect(completed.components?.schemas?.ErrorBody).toMatchObject({ required: ['statusCode', 'code', 'message'] });
  });

  it('says an open route needs no credential, and describes /metrics as Prometheus text', () => {
    const completed = completeDocument(document(), { Extra: { type: 'object' } });
    expect(completed.paths['/health'].get).toMatchObject({ security: [] });
    expect(completed.paths['/health'].get!.responses).not.toHaveProperty('401');
    expect(completed.paths['/metrics'].get).toMatchObject({ summary: 'Prometheus metrics', responses: { '200': { content: { 'text/plain': {} } } } });
    expect(completed.components?.schemas?.Extra).toEqual({ type: 'object' });
  });
});
