import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailTemplates } from './email-templates';
import { MailTransport, NodemailerMailTransport } from './mail-transport';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxSender } from './outbox-sender';

/**
 * The e-mail outbox. Other modules import it and call `NotificationsService.enqueue` inside their own
 * transaction; the `notifications.send` job delivers (docs/notifications.md).
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity])],
  controllers: [NotificationsController],
  providers: [
    { provide: EmailTemplates, useFactory: () => new EmailTemplates() },
    { provide: MailTransport, useClass: NodemailerMailTransport },
    NotificationsService,
    OutboxSender,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule implements OnModuleInit {
  constructor(private readonly templates: EmailTemplates) {}

  /** A deployment without the templates fails at start, not at the first e-mail. */
  onModuleInit(): void {
    this.templates.assertComplete();
  }
}
