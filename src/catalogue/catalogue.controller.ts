import {
  Controller,
  Get,
  Header,
  Headers,
  Param,
  ParseUUIDPipe,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/decorators/auth.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { PartnersService } from '../partners/partners.service';
import { CatalogueFeed } from './catalogue-feed';
import { CatalogueService } from './catalogue.service';
import { CatalogueQueryDto, LanguageQueryDto } from './dto/catalogue-query.dto';
import { CatalogueOfferDetailDto, CataloguePageDto, CataloguePartnerDto } from './dto/catalogue.dto';

const IMAGE = {
  'image/png': { schema: { type: 'string', format: 'binary' } },
  'image/jpeg': { schema: { type: 'string', format: 'binary' } },
};

/** What families browse, without signing in: approved partners' published offers. */
@ApiTags('catalogue')
@ApiBadRequestResponse({ description: 'Invalid input', type: ProblemDto })
@Public()
@Controller('catalogue')
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly feed: CatalogueFeed,
    private readonly partners: PartnersService,
  ) {}

  /** Offers by words, category, availability, distance from a point and online; paginated. */
  @Get('offers')
  async search(
    @Query() query: CatalogueQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<CataloguePageDto> {
    const { items, total } = await this.catalogue.search(query, acceptLanguage);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  @Get('offers/:id')
  @ApiNotFoundResponse({ type: ProblemDto })
  offer(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: LanguageQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<CatalogueOfferDetailDto> {
    return this.catalogue.offer(id, query.lang, acceptLanguage);
  }

  @Get('partners/:id')
  @ApiNotFoundResponse({ type: ProblemDto })
  partner(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: LanguageQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<CataloguePartnerDto> {
    return this.catalogue.partner(id, query.lang, acceptLanguage);
  }

  @Get('partners/:id/logo')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOkResponse({ content: IMAGE })
  @ApiNotFoundResponse({ type: ProblemDto })
  async logo(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const logo = await this.partners.logo(null, id);
    return new StreamableFile(logo.bytes, { type: logo.mediaType });
  }

  /** The 50 newest offers as a JSON Feed 1.1 (https://jsonfeed.org/version/1.1), for feed readers and sites. */
  @Get('feed.json')
  @Header('Content-Type', 'application/feed+json; charset=utf-8')
  @ApiOkResponse({ content: { 'application/feed+json': { schema: { type: 'object' } } } })
  async jsonFeed(@Query() query: LanguageQueryDto): Promise<string> {
    return JSON.stringify(await this.feed.json(query.lang));
  }
}
