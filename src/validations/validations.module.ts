import { Module } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { ApplicableOffers } from './applicable-offers';
import { BadCodeWatch } from './bad-code-watch';
import { CheckListService } from './check-list.service';
import { CheckStore } from './check-store';
import { CheckPage } from './check-page';
import { CheckPageController } from './check-page.controller';
import { RedemptionsService } from './redemptions.service';
import { RevocationsService } from './revocations.service';
import { StatisticsController } from './statistics/statistics.controller';
import { StatisticsService } from './statistics/statistics.service';
import { ValidationFlagsController } from './validation-flags.controller';
import { ValidationsController } from './validations.controller';
import { ValidationsPurgeJob } from './validations-purge.job';
import { ValidationsService } from './validations.service';

/** Checking cards at the point of use, redemptions with usage limits, and the signed revocation list. */
@Module({
  imports: [CardsModule, ProgrammesModule],
  controllers: [ValidationsController, ValidationFlagsController, StatisticsController, CheckPageController],
  providers: [
    ValidationsService,
    RedemptionsService,
    RevocationsService,
    ApplicableOffers,
    CheckStore,
    BadCodeWatch,
    ValidationsPurgeJob,
    CheckPage,
    StatisticsService,
    CheckListService,
  ],
  exports: [StatisticsService, ValidationsService, RevocationsService],
})
export class ValidationsModule {}
