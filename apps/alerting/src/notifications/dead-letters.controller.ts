import { Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiError } from '@lib/platform';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { NotificationDeadLetterDto, RequeuedDto } from '../operator-responses.dto';
import { AdminController } from '../auth/admin-controller.decorator';
import { OutboxDispatcher } from './outbox.dispatcher';
import { OutboxRepository } from '@lib/targets-store';

@AdminController('v1/notifications/dead-letters', 'webhooks')
export class DeadLettersController {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Notifications given up after WEBHOOK_MAX_ATTEMPTS, with the last error' })
  @ApiOkResponse({ type: [NotificationDeadLetterDto] })
  list() {
    return this.outbox.dead();
  }

  @Post(':id/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send a dead letter again (same idempotency key), after the receiver is fixed' })
  @ApiAcceptedResponse({ type: RequeuedDto })
  async retry(@Param('id') id: string): Promise<{ requeued: true }> {
    if (!(await this.outbox.requeue(id))) throw new ApiError('dead_letter_not_found', `No dead letter ${id}`);
    this.dispatcher.kick();
    return { requeued: true };
  }
}
