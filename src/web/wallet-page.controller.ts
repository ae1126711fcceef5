import { Controller, Get, Header, Headers, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/decorators/auth.decorator';
import { pickLanguage } from '../common/language';
import { ProblemDto } from '../common/problem/problem.dto';
import { ProgrammesService } from '../programmes/programmes.service';
import { pageHeaders, PageRoute } from './page-route.decorator';
import { PageQueryDto } from './dto/page-query.dto';
import { WalletPage } from './wallet-page';
import { PageCsp } from './page-csp';

const MANIFEST = { 'application/manifest+json': { schema: { type: 'object' } } };

/**
 * The family's phone wallet at /family/wallet and its web app manifest: a page shell with no data in it (the
 * family signs in on the page and its scripts call the API), so both are public; the service worker keeps
 * them for offline use.
 */
@ApiTags('web')
@Controller('family')
export class WalletPageController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly page: WalletPage,
    private readonly pageCsp: PageCsp,
  ) {}

  @PageRoute('wallet', 'The wallet page')
  async show(
    @Query() query: PageQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<string> {
    const programme = await this.programmes.default();
    pageHeaders(reply, this.pageCsp.strict);
    return this.page.render(
      programme,
      pickLanguage(query.lang, acceptLanguage, this.page.texts.languagesFor(programme)),
    );
  }

  /** The web app manifest (name from the programme, start URL in the page's language). */
  @Get('manifest.webmanifest')
  @Public()
  @Header('Content-Type', 'application/manifest+json; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  @ApiOkResponse({ description: 'The wallet’s web app manifest', content: MANIFEST })
  @ApiBadRequestResponse({ description: 'Invalid lang', type: ProblemDto })
  @ApiTooManyRequestsResponse({ type: ProblemDto })
  async manifest(
    @Query() query: PageQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<string> {
    const programme = await this.programmes.default();
    reply.header('Vary', 'Accept-Language');
    const language = pickLanguage(query.lang, acceptLanguage, this.page.texts.languagesFor(programme));
    return JSON.stringify(this.page.manifest(programme, language));
  }
}
