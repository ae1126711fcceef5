import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { CatalogueController } from './catalogue.controller';
import { CatalogueFeed } from './catalogue-feed';
import { CatalogueService } from './catalogue.service';

/** The public partner catalogue: search, details, logos and the feed of new offers. */
@Module({
  imports: [PartnersModule, ProgrammesModule],
  controllers: [CatalogueController],
  providers: [CatalogueService, CatalogueFeed],
  exports: [CatalogueService],
})
export class CatalogueModule {}
