import { Controller, Get, Header, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/decorators/auth.decorator';
import { pickLanguage } from '../common/language';
import { ProblemDto } from '../common/problem/problem.dto';
import { CategoriesService } from '../partners/categories/categories.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { brandingOf, brandStylesheet } from './branding';
import { PageQueryDto } from './dto/page-query.dto';
import { LandingPage } from './landing-page';
import { pageHeaders, PageRoute } from './page-route.decorator';
import { PageCsp } from './page-csp';

/** The landing page at / and the programme's colours as a stylesheet for every page of the shared layout. */
@ApiTags('web')
@Controller()
export class SitePagesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly categories: CategoriesService,
    private readonly landing: LandingPage,
    private readonly pageCsp: PageCsp,
  ) {}

  @PageRoute('', 'The landing page: the programme, who qualifies, how to apply, the partner offers')
  async show(
    @Query() query: PageQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<string> {
    const programme = await this.programmes.default();
    pageHeaders(reply, this.pageCsp.strict);
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
