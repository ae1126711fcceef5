import { Controller, Get, Header, Headers, Query, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/decorators/auth.decorator';
import { pickLanguage } from '../common/language';
import { ProblemDto } from '../common/problem/problem.dto';
import type { AppConfig } from '../config/app.config';
import { CategoriesService } from '../partners/categories/categories.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { brandingOf, brandStylesheet } from './branding';
import { strictPageCsp } from './content-security-policy';
import { PageQueryDto } from './dto/page-query.dto';
import { LandingPage } from './landing-page';
import { pageHeaders, PageRoute } from './page-route.decorator';

/** The landing page at / and the programme's colours as a stylesheet for every page of the shared layout. */
@ApiTags('web')
@Controller()
export class SitePagesController {
  private readonly csp: string;

  constructor(
    private readonly programmes: ProgrammesService,
    private readonly categories: CategoriesService,
    private readonly landing: LandingPage,
    config: ConfigService,
  ) {
    this.csp = strictPageCsp(config.getOrThrow<AppConfig>('app').publicUrl);
  }

  @PageRoute('', 'The landing page: the programme, who qualifies, how to apply, the partner offers')
  async show(
    @Query() query: PageQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<string> {
    const programme = await this.programmes.default();
    pageHeaders(reply, this.csp);
    const language = pickLanguage(query.lang, acceptLanguage, this.landing.texts.languagesFor(programme));
    return this.landing.render(programme, language, await this.categories.list(programme.id));
  }

  /** The brand's colours as CSS custom properties (a file, so the pages' CSP needs no inline style). */
  @Get('branding.css')
  @Public()
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  @ApiOkResponse({
    description: 'CSS custom properties',
    content: { 'text/css': { schema: { type: 'string' } } },
  })
  @ApiTooManyRequestsResponse({ type: ProblemDto })
  async brandStylesheet(): Promise<string> {
    return brandStylesheet(brandingOf(await this.programmes.default()));
  }
}
