import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module';
import { CheckerPageController } from './checker-page.controller';
import { CheckerPage } from './checker-page';
import { WalletPageController } from './wallet-page.controller';
import { WalletPage } from './wallet-page';

/**
 * Server-rendered pages that browser scripts in public/ enhance (no build step): the merchant checker and the
 * family wallet.
 * Static files and the content security policy are set up in bootstrap (see static-assets.ts).
 */
@Module({
  imports: [ProgrammesModule],
  controllers: [CheckerPageController, WalletPageController],
  providers: [CheckerPage, WalletPage],
})
export class WebModule {}
