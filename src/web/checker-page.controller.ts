import { Controller, Get, Header, Headers, Query, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/decorators/auth.decorator';
import { pickLanguage } from '../common/language';
import { ProblemDto } from '../common/problem/problem.dto';
import type { AppConfig } from '../config/app.config';
import { ProgrammesService } from '../programmes/programmes.service';
import { CheckerPage } from './checker-page';
import { cspDirectives, cspHeader } from './content-security-policy';
import { PageQueryDto } from './dto/page-query.dto';

const HTML = { 'text/html': { schema: { type: 'string' } } };

/**
 * The merchant checker at /merchant/check: a page shell with no data in it (the merchant signs in on the page
 * and its scripts call the API), so it is public; its service worker keeps it for offline use.
 */
@ApiTags('web')
@Controller('merchant')
export class CheckerPageController {
  private readonly csp: string;

  constructor(
    private readonly programmes: ProgrammesService,
    private readonly page: CheckerPage,
    config: ConfigService,
  ) {
    this.csp = cspHeader(
      cspDirectives(config.getOrThrow<AppConfig>('app').publicUrl, { inlineStyles: false }),
    );
  }

  @Get('check')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  // The service worker keeps its own copy; browsers' caches revalidate.
  @Header('Cache-Control', 'no-cache')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiOkResponse({ description: 'The checker page', content: HTML })
  @ApiBadRequestResponse({ description: 'Invalid lang', type: ProblemDto })
  @ApiTooManyRequestsResponse({ type: ProblemDto })
  async show(
    @Query() query: PageQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<string> {
    const programme = await this.programmes.default();
    const spoken = this.page.languages();
    const languages = [...new Set([...programme.languages.filter((l) => spoken.includes(l)), ...spoken])];
    reply.header('Content-Security-Policy', this.csp);
    reply.header('Vary', 'Accept-Language');
    return this.page.render(programme, pickLanguage(query.lang, acceptLanguage, languages));
  }
}
