import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../../programmes/programmes.module';
import { PartnerImportService } from './partner-import.service';

/** Bulk import of partners, outlets and offers from CSV; used by the CLI (`import:partners`). */
@Module({
  imports: [ProgrammesModule],
  providers: [PartnerImportService],
  exports: [PartnerImportService],
})
export class PartnerImportModule {}
