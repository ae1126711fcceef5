import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { UsersModule } from '../users/users.module';
import { CategoriesController } from './categories/categories.controller';
import { CategoriesService } from './categories/categories.service';
import { OutletsController } from './outlets.controller';
import { OutletsService } from './outlets.service';
import { PartnerAccountsController } from './partner-accounts.controller';
import { PartnerAccountsService } from './partner-accounts.service';
import { PartnersController } from './partners.controller';
import { PartnersService } from './partners.service';

/** Partners, their outlets, accounts and till keys, and the programme's categories. */
@Module({
  imports: [ApiKeysModule, NotificationsModule, ProgrammesModule, UsersModule],
  controllers: [PartnersController, OutletsController, PartnerAccountsController, CategoriesController],
  providers: [PartnersService, OutletsService, PartnerAccountsService, CategoriesService],
  exports: [PartnersService, OutletsService, PartnerAccountsService, CategoriesService],
})
export class PartnersModule {}
