import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AuthModule } from '../auth/auth.module';
import { CardsModule } from '../cards/cards.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { PartnersModule } from '../partners/partners.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { UsersModule } from '../users/users.module';
import { ConsoleAdminModule } from './console/admin/console-admin.module';
import { ConsoleFamiliesModule } from './console/families/console-families.module';
import { ConsolePartnersModule } from './console/partners/console-partners.module';
import { PartnerPortalModule } from './partner/partner-portal.module';
import { PartnerTeamModule } from './partner/partner-team.module';
import { AccountPage } from './account-page';
import { AccountPageController } from './account-page.controller';
import { ApplyPage } from './apply-page';
import { ApplyPageController } from './apply-page.controller';
import { ApplyWizard } from './apply-wizard.service';
import { CatalogueDetailPages } from './catalogue-detail-pages';
import { CataloguePage } from './catalogue-page';
import { CataloguePageController } from './catalogue-page.controller';
import { CheckerPageController } from './checker-page.controller';
import { CheckerPage } from './checker-page';
import { ConsoleAuditPage } from './console/console-audit-page';
import { ConsoleAuditPageController } from './console/console-audit-page.controller';
import { ConsoleDashboard } from './console/console-dashboard.service';
import { ConsolePage } from './console/console-page';
import { ConsolePageController } from './console/console-page.controller';
import { ConsoleReviewPage } from './console/console-review-page';
import { ConsoleReviewPageController } from './console/console-review-page.controller';
import { FamilyAccount } from './family-account.service';
import { LandingPage } from './landing-page';
import { SignInPage } from './sign-in-page';
import { SignInPageController } from './sign-in-page.controller';
import { SitePagesController } from './site-pages.controller';
import { WalletPageController } from './wallet-page.controller';
import { WalletPage } from './wallet-page';
import { WebCommonModule } from './web-common.module';

/**
 * Server-rendered pages, some enhanced by browser scripts in public/ (no build step): the landing page and the
 * partner catalogue on the shared layout (templates/web/partials/layout.hbs), signing in and out, the merchant
 * checker, the family wallet and the staff console.
 * Static files and the content security policy are set up in bootstrap (see static-assets.ts).
 */
@Module({
  imports: [
    WebCommonModule,
    ProgrammesModule,
    PartnersModule,
    CatalogueModule,
    AuthModule,
    UsersModule,
    ApplicationsModule,
    CardsModule,
    PartnerPortalModule,
    PartnerTeamModule,
    ConsoleFamiliesModule,
    ConsolePartnersModule,
    ConsoleAdminModule,
  ],
  controllers: [
    SitePagesController,
    CataloguePageController,
    CheckerPageController,
    WalletPageController,
    SignInPageController,
    ApplyPageController,
    AccountPageController,
    ConsolePageController,
    ConsoleReviewPageController,
    ConsoleAuditPageController,
  ],
  providers: [
    LandingPage,
    CataloguePage,
    CatalogueDetailPages,
    CheckerPage,
    WalletPage,
    SignInPage,
    ApplyPage,
    ApplyWizard,
    AccountPage,
    FamilyAccount,
    ConsolePage,
    ConsoleDashboard,
    ConsoleReviewPage,
    ConsoleAuditPage,
  ],
})
export class WebModule {}
