import { Module } from '@nestjs/common';
import { DocumentStorageModule } from '../applications/documents/document-storage.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { FamilyDataService } from './data-export/family-data.service';
import { FamiliesController } from './families.controller';
import { FamiliesService } from './families.service';
import { RetentionJob } from './retention/retention.job';

@Module({
  imports: [ProgrammesModule, DocumentStorageModule],
  controllers: [FamiliesController],
  providers: [FamiliesService, FamilyDataService, RetentionJob],
  exports: [FamiliesService],
})
export class FamiliesModule {}
