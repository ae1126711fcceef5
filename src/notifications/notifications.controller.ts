import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { Auth } from '../common/decorators/auth.decorator';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { ListNotificationsDto } from './dto/list-notifications.dto';
import { mapNotification, NotificationDto, NotificationPageDto } from './dto/notification.dto';
import { RetryNotificationDto } from './dto/retry-notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBadRequestResponse({ description: 'Invalid input', type: ProblemDto })
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** Lists e-mails in the outbox (without their bodies), newest first. */
  @Get()
  @Auth({ roles: ['admin', 'case_worker', 'auditor'] })
  async list(@Query() query: ListNotificationsDto): Promise<NotificationPageDto> {
    const page = await this.notifications.list(query);
    return { items: page.items.map(mapNotification), nextCursor: page.nextCursor };
  }

  /** Sends a failed (or still pending) message again as soon as possible, with its attempts reset. */
  @Post(':id/retry')
  @HttpCode(200)
  @Auth({ roles: ['admin', 'case_worker'] })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ description: 'The message has already been sent', type: ProblemDto })
  async retry(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RetryNotificationDto,
  ): Promise<NotificationDto> {
    return mapNotification(await this.notifications.retry(actor, id, dto.note));
  }
}
