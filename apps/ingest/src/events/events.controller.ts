import { Body, Controller, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { EVENT_SCHEMA_NAMES } from '@lib/contracts';
import type { FastifyReply } from 'fastify';
import { ApiError } from '@lib/platform';
import { ApiKeyGuard, InstitutionRequest } from '../auth/api-key.guard';
import { ApiKeyThrottlerGuard } from '../auth/api-key-throttler.guard';
import { EventIntake } from './event-intake.service';
import { EventsNotDurableError } from './intake-outcome';
import { submissionExamples } from './submission-examples';
import { submissionStatus } from './submission-status';
import { SubmissionResponseDto } from './submission-response.dto';
import { readSubmission } from './submission';

@ApiTags('events')
@ApiBearerAuth()
@Controller('v1/events')
@UseGuards(ApiKeyGuard, ApiKeyThrottlerGuard)
export class EventsController {
  constructor(private readonly intake: EventIntake) {}

  @Post()
  @ApiOperation({
    summary: 'Report one event or a batch of up to 1000',
    description:
      'Answers only after accepted events are durable in Kafka (acks from all in-sync replicas). ' +
      'A retry with the same eventId and version is answered "duplicate". person.id is pseudonymised here and never stored in clear.',
  })
  // The schema is generated from the event DTOs (eventSchemas, registered by main.ts); examples are dated at start-up.
  @ApiBody({ schema: { $ref: `#/components/schemas/${EVENT_SCHEMA_NAMES.submission}` }, examples: submissionExamples(new Date()) })
  @ApiResponse({ status: 202, type: SubmissionResponseDto, description: 'One result per event (a batch is always 202)' })
  @ApiResponse({ status: 400, description: 'The body cannot be read (invalid_json, invalid_body, invalid_batch, batch_too_large)' })
  @ApiResponse({ status: 401, description: 'No or unknown API key' })
  @ApiResponse({ status: 403, description: 'A single event of another institution than the key’s (in a batch: a rejected result)' })
  @ApiResponse({ status: 413, description: 'Body larger than INGEST_BODY_LIMIT' })
  @ApiResponse({ status: 422, schema: { $ref: getSchemaPath(SubmissionResponseDto) }, description: 'A single event, rejected; see results[0].errors' })
  @ApiResponse({
    status: 429,
    description:
      'Too many requests for this key, or (too_many_auth_failures, with Retry-After) a wrong key from an address or with a key prefix over 20 failures a minute; a valid key is never refused for others’ failures',
  })
  @ApiResponse({ status: 503, description: 'Events could not be made durable; retry later with the same eventIds' })
  async submit(@Req() request: InstitutionRequest, @Body() body: unknown, @Res({ passthrough: true }) response: FastifyReply): Promise<SubmissionResponseDto> {
    const submission = readSubmission(body);
    const outcomes = await this.intake
      .intake(submission.events, { door: 'http', reportingInstitution: request.reportingInstitution, correlationId: request.id })
      .catch((error: unknown) => {
        if (!(error instanceof EventsNotDurableError)) throw error;
        response.header('Retry-After', '5');
        throw new ApiError('not_durable', 'Events could not be made durable now; nothing was accepted. Retry with the same eventIds.');
      });
    response.code(submissionStatus(submission.batch, outcomes));
    return {
      results: outcomes.map((outcome, index) => ({ index, ...outcome })),
      summary: {
        accepted: outcomes.filter((o) => o.status === 'accepted').length,
        duplicate: outcomes.filter((o) => o.status === 'duplicate').length,
        rejected: outcomes.filter((o) => o.status === 'rejected').length,
      },
    };
  }
}
