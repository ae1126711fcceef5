import { Module } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module';
import { FamiliesModule } from '../families/families.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { ApplicationViewService } from './application-view.service';
import { ApplicationWorkflowService } from './application-workflow.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { DocumentStorageModule } from './documents/document-storage.module';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService } from './documents/documents.service';
import { ReviewQueueService } from './review-queue.service';

@Module({
  imports: [ProgrammesModule, FamiliesModule, NotificationsModule, DocumentStorageModule, CardsModule],
  controllers: [ApplicationsController, DocumentsController],
  providers: [
    ApplicationsService,
    ApplicationWorkflowService,
    ApplicationViewService,
    ReviewQueueService,
    DocumentsService,
  ],
  exports: [
    ApplicationsService,
    ApplicationWorkflowService,
    ApplicationViewService,
    DocumentsService,
    ReviewQueueService,
  ],
})
export class ApplicationsModule {}
