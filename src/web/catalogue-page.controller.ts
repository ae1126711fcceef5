import { Controller, Headers, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { pickLanguage } from '../common/language';
import type { AppConfig } from '../config/app.config';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { ProgrammesService } from '../programmes/programmes.service';
import { CatalogueDetailPages } from './catalogue-detail-pages';
import { CataloguePage, RenderedPage } from './catalogue-page';
import { strictPageCsp } from './content-security-policy';
import { CatalogueFormQueryDto } from './dto/catalogue-form-query.dto';
import { PageQueryDto } from './dto/page-query.dto';
import { pageHeaders, PageRoute } from './page-route.decorator';

const NOT_FOUND = { 404: 'Not in the catalogue (a page saying so)' };

/** The public partner catalogue as pages: search at /catalogue, an offer's and a partner's own page. */
@ApiTags('web')
@Controller('catalogue')
export class CataloguePageController {
  private readonly csp: string;

  constructor(
    private readonly programmes: ProgrammesService,
    private readonly search: CataloguePage,
    private readonly details: CatalogueDetailPages,
    config: ConfigService,
  ) {
    this.csp = strictPageCsp(config.getOrThrow<AppConfig>('app').publicUrl, search.imageOrigins());
  }

  @PageRoute('', 'The catalogue: search form and results', { 400: 'The form, with errors at its fields' })
  show(
    @Query() query: CatalogueFormQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<string> {
    return this.send(reply, query.lang, acceptLanguage, (p, l) => this.search.render(p, query, l));
  }

  @PageRoute('offer/:id', 'An offer: benefit, terms, where it holds', NOT_FOUND)
  offer(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<string> {
    return this.send(reply, query.lang, acceptLanguage, (p, l) => this.details.offer(p, id, l));
  }

  @PageRoute('partner/:id', 'A partner: its offers and places', NOT_FOUND)
  partner(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<string> {
    return this.send(reply, query.lang, acceptLanguage, (p, l) => this.details.partner(p, id, l));
  }

  /** The page in the language asked for, with its status and headers. */
  private async send(
    reply: FastifyReply,
    lang: string | undefined,
    acceptLanguage: string | undefined,
    render: (programme: ProgrammeEntity, language: string) => Promise<RenderedPage>,
  ): Promise<string> {
    const programme = await this.programmes.default();
    const language = pickLanguage(lang, acceptLanguage, this.search.texts.languagesFor(programme));
    const page = await render(programme, language);
    pageHeaders(reply, this.csp);
    reply.status(page.status);
    return page.html;
  }
}
