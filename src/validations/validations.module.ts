import { Module } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { ApplicableOffers } from './applicable-offers';
import { BadCodeWatch } from './bad-code-watch';
import { RedemptionsService } from './redemptions.service';
import { RevocationsService } from './revocations.service';
import { ValidationsController } from './validations.controller';
import { ValidationsService } from './validations.service';

/** Checking cards at the point of use, redemptions with usage limits, and the signed revocation list. */
@Module({
  imports: [CardsModule, ProgrammesModule],
  controllers: [ValidationsController],
  providers: [ValidationsService, RedemptionsService, RevocationsService, ApplicableOffers, BadCodeWatch],
  exports: [ValidationsService, RevocationsService],
})
export class ValidationsModule {}
