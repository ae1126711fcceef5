import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../../programmes/programmes.module';
import { FamiliesModule } from '../families.module';
import { FamilyImportService } from './family-import.service';

/** Bulk import of an existing register; used by the CLI (`import:families`). */
@Module({
  imports: [FamiliesModule, ProgrammesModule],
  providers: [FamilyImportService],
  exports: [FamilyImportService],
})
export class FamilyImportModule {}
