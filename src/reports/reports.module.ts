import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** CSV reports for staff over the programme's applications, cards, partners and their activity. */
@Module({
  imports: [ProgrammesModule],
  controllers: [ReportsController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
