import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { PartnersModule } from '../partners/partners.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { CatalogueDetailPages } from './catalogue-detail-pages';
import { CataloguePage } from './catalogue-page';
import { CataloguePageController } from './catalogue-page.controller';
import { CheckerPageController } from './checker-page.controller';
import { CheckerPage } from './checker-page';
import { LandingPage } from './landing-page';
import { SitePagesController } from './site-pages.controller';
import { WalletPageController } from './wallet-page.controller';
import { WalletPage } from './wallet-page';

/**
 * Server-rendered pages, some enhanced by browser scripts in public/ (no build step): the landing page and the
 * partner catalogue on the shared layout (templates/web/partials/layout.hbs), the merchant checker and the
 * family wallet.
 * Static files and the content security policy are set up in bootstrap (see static-assets.ts).
 */
@Module({
  imports: [ProgrammesModule, PartnersModule, CatalogueModule],
  controllers: [SitePagesController, CataloguePageController, CheckerPageController, WalletPageController],
  providers: [LandingPage, CataloguePage, CatalogueDetailPages, CheckerPage, WalletPage],
})
export class WebModule {}
