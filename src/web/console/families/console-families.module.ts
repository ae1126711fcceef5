import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../../../applications/applications.module';
import { AuthModule } from '../../../auth/auth.module';
import { CardsModule } from '../../../cards/cards.module';
import { FamiliesModule } from '../../../families/families.module';
import { ProgrammesModule } from '../../../programmes/programmes.module';
import { ConsoleCardsPageController } from './console-cards-page.controller';
import { ConsoleFamiliesPage } from './console-families-page';
import { ConsoleFamiliesPageController } from './console-families-page.controller';
import { ConsoleFamilySearch } from './console-family-search.service';
import { ConsoleFamilyView } from './console-family-view.service';
import { WebCommonModule } from '../../web-common.module';

/** The console's family and card pages: search, a family with its members, cards, actions and history. */
@Module({
  imports: [WebCommonModule, ProgrammesModule, AuthModule, ApplicationsModule, CardsModule, FamiliesModule],
  controllers: [ConsoleFamiliesPageController, ConsoleCardsPageController],
  providers: [ConsoleFamiliesPage, ConsoleFamilySearch, ConsoleFamilyView],
})
export class ConsoleFamiliesModule {}

/** This module's page paths, served outside the /api/v1 prefix (UNPREFIXED_ROUTES in src/bootstrap.ts). */
export const CONSOLE_FAMILIES_PATHS: string[] = [
  'console/families',
  'console/families/:id',
  'console/families/:id/cards',
  'console/cards/:id',
];
