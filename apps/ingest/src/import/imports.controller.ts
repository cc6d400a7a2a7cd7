import { randomUUID } from 'node:crypto';
import { Get, Logger, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdminController } from '../admin/admin-controller.decorator';
import { ErrorBodyDto } from '../admin/dto/error-body.dto';
import { AdminError } from '../admin/errors/admin-error';
import { EventsNotDurableError } from '../events/intake-outcome';
import type { IngestEnvironment } from '../ingest.environment';
import { EventImport } from './event-import.service';
import { EventImportsRepository, ImportRecord } from './event-imports.repository';
import type { FailedLine, ImportLine } from './import-lines';
import { csvCharset, ImportFormat, ImportHeaderError, UnreadableFileError } from './import-rows';
import { ImportRecordDto, ImportUploadQueryDto } from './import-upload.dto';

const FORMAT_BY_MEDIA_TYPE: Record<string, ImportFormat> = {
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'text/csv': 'csv',
};

@AdminController('imports')
export class ImportsController {
  private readonly logger = new Logger(ImportsController.name);
  private readonly liveMaxAgeDays: number;

  constructor(
    private readonly eventImport: EventImport,
    private readonly imports: EventImportsRepository,
    config: ConfigService<IngestEnvironment, true>,
  ) {
    this.liveMaxAgeDays = config.get('EVENT_MAX_AGE_DAYS', { infer: true });
  }

  @Post()
  @ApiOperation({
    summary: 'Import historical events from an NDJSON or CSV file, beyond the live horizon under an operator’s authorisation',
    description:
      'The body is the file (or the rest of it, from `firstRow`): `application/x-ndjson`, one event per line, or `text/csv` in the template of `family` ' +
      '(header row in Chinese and English, docs/bulk-import.md). Every row goes through the live door’s validation and pseudonymisation and the same ' +
      'canonical topic, with the import’s horizon (`maxAgeDays`) instead of EVENT_MAX_AGE_DAYS; an event version already accepted is a duplicate. ' +
      'The answer streams as the body is read, one JSON object per line: `rejected` rows (row, errors with code and message), a `checkpoint` after ' +
      'each durable chunk (resume at `nextRow`, `bytes` into the body), then `end` or `failed`. `tools/import-events` sends large files in parts and resumes after a kill.',
  })
  @ApiConsumes('application/x-ndjson', 'text/csv')
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description: 'The upload’s progress, one JSON object per line (rejected, checkpoint, end | failed)',
    content: {
      'application/x-ndjson': {
        schema: {
          type: 'string',
          example:
            '{"type":"rejected","row":7,"eventId":"V-7","errors":[{"code":"too_old","path":"occurredAt","message":"…"}]}\n' +
            '{"type":"checkpoint","rows":1000,"accepted":998,"duplicate":1,"rejected":1,"nextRow":1001,"bytes":412877}\n' +
            '{"type":"end","importId":"…","complete":true,"rows":1000,"accepted":998,"duplicate":1,"rejected":1,"nextRow":1001,"bytes":412877}\n',
        },
      },
    },
  })
  async upload(@Query() query: ImportUploadQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const [mediaType, ...parameters] = (request.headers['content-type'] ?? '').split(';');
    const format = FORMAT_BY_MEDIA_TYPE[mediaType.trim().toLowerCase()];
    if (format === undefined) {
      throw new AdminError('unsupported_media_type', 'Send the file as application/x-ndjson (one event per line) or text/csv (a family’s template)');
    }
    const declared = parameters.map((p) => /^\s*charset\s*=(.*)$/i.exec(p)?.[1]).find((c) => c !== undefined);
    const charset = declared === undefined ? undefined : csvCharset(declared);
    if (declared !== undefined && (charset === undefined || (format === 'ndjson' && charset !== 'utf-8'))) {
      throw new AdminError(
        'unsupported_media_type',
        `charset=${declared.trim().slice(0, 40)} is not read here: NDJSON is UTF-8; a CSV may be UTF-8 or GBK (GB2312, GB18030)`,
      );
    }
    if (format === 'csv' && query.family === undefined)
      throw new AdminError('invalid_request', 'A CSV import needs `family` (the template its columns follow)');
    const importId = query.importId ?? randomUUID();
    const maxAgeDays = query.maxAgeDays ?? this.liveMaxAgeDays;
    const opened = await this.imports.open({
      id: importId,
      authorisedBy: query.authorisedBy,
      maxAgeDays,
      format,
      family: format === 'csv' ? query.family! : null,
      fileName: query.fileName ?? null,
    });
    if (opened === undefined) throw new AdminError('import_conflict', `Import ${importId} was started with another authorisation, horizon, format or family`);
    this.logger.log({ importId, authorisedBy: query.authorisedBy, maxAgeDays, format, family: query.family, firstRow: query.firstRow }, 'import upload');

    const response = reply.raw;
    const emit = lineWriter(reply, importId);
    try {
      await this.eventImport.upload(
        request.raw,
        {
          importId,
          format,
          family: query.family,
          maxAgeDays,
          firstRow: query.firstRow ?? (format === 'csv' ? 2 : 1),
          maxRows: query.maxRows,
          charset,
          correlationId: request.id,
        },
        emit,
      );
    } catch (error) {
      if (error instanceof ImportHeaderError && !response.headersSent) {
        throw new AdminError(
          'invalid_request',
          `The CSV header does not follow the ${query.family} template: ${error.message}`,
          error.problems.map((p) => ({ index: 0, ...p })),
        );
      }
      if (response.destroyed) return; // the client went away; what was durable stands, its checkpoint says where
      await emit(failure(error, this.logger)).catch(() => undefined);
    }
    if (response.headersSent) response.end();
    else await reply.code(200).send();
  }

  @Get(':id')
  @ApiOperation({ summary: 'An import’s authorisation and progress' })
  @ApiOkResponse({ type: ImportRecordDto })
  @ApiNotFoundResponse({ description: '`import_not_found`', type: ErrorBodyDto })
  async find(@Param('id', new ParseUUIDPipe()) id: string): Promise<ImportRecord> {
    const found = await this.imports.find(id);
    if (!found) throw new AdminError('import_not_found', `No import ${id}`);
    return found;
  }
}

function failure(error: unknown, logger: Logger): FailedLine {
  if (error instanceof EventsNotDurableError)
    return { type: 'failed', code: 'not_durable', message: 'Events could not be made durable now; resume from the last checkpoint later' };
  if (error instanceof UnreadableFileError) return { type: 'failed', code: 'unreadable_file', message: error.message, row: error.row };
  if (error instanceof ImportHeaderError) return { type: 'failed', code: 'unreadable_file', message: error.message };
  logger.error({ err: error }, 'import upload failed');
  return { type: 'failed', code: 'internal_error', message: 'Internal error; resume from the last checkpoint' };
}

/**
 * Writes lines as they come, the headers with the first; waits while the client is slower than the
 * import. The reply is taken over from Fastify (hijacked) at the first line, with the headers the
 * hooks had set on it (helmet's), so the answer streams from the raw response.
 */
function lineWriter(reply: FastifyReply, importId: string): (line: ImportLine) => Promise<void> {
  const response = reply.raw;
  return async (line) => {
    if (response.destroyed) throw new Error('the client has gone');
    if (!response.headersSent) {
      reply.hijack();
      for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) response.setHeader(name, value);
      response.statusCode = 200;
      response.setHeader('content-type', 'application/x-ndjson; charset=utf-8');
      response.setHeader('import-id', importId);
    }
    if (response.write(`${JSON.stringify(line)}\n`)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        response.off('drain', done).off('close', done);
        resolve();
      };
      response.once('drain', done).once('close', done);
    });
  };
}
