import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module';
import { OfferWindowsJob } from './offer-windows.job';
import { OffersController } from './offers.controller';
import { OffersService } from './offers.service';

/** Partners' offers: drafts, moderation, the state machine, and the hourly `offers.windows` job. */
@Module({
  imports: [ProgrammesModule],
  controllers: [OffersController],
  providers: [OffersService, OfferWindowsJob],
  exports: [OffersService],
})
export class OffersModule {}
