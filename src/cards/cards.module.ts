import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { CardExpiryJob } from './card-expiry.job';
import { CardIssuerService } from './card-issuer.service';
import { CardPdfService } from './card-pdf.service';
import { CardTokensService } from './card-tokens.service';
import { CardWalletService } from './card-wallet.service';
import { CardsController } from './cards.controller';
import { CardsService } from './cards.service';
import { JwksController } from './keys/jwks.controller';
import { SigningKeysController } from './keys/signing-keys.controller';
import { SigningKeysService } from './keys/signing-keys.service';
import { CardPrintService } from './print/card-print.service';
import { PrintBatchesController } from './print/print-batches.controller';

@Module({
  imports: [ProgrammesModule, NotificationsModule],
  controllers: [CardsController, JwksController, SigningKeysController, PrintBatchesController],
  providers: [
    SigningKeysService,
    CardIssuerService,
    CardTokensService,
    CardWalletService,
    CardsService,
    CardPdfService,
    CardPrintService,
    CardExpiryJob,
  ],
  exports: [SigningKeysService, CardIssuerService, CardsService, CardPrintService],
})
export class CardsModule {}
