import { Controller, Headers, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { pickLanguage } from '../common/language';
import { ProgrammesService } from '../programmes/programmes.service';
import { CheckerPage } from './checker-page';
import { PageQueryDto } from './dto/page-query.dto';
import { pageHeaders, PageRoute } from './page-route.decorator';
import { PageCsp } from './page-csp';

/**
 * The merchant checker at /merchant/check: a page shell with no data in it (the merchant signs in on the page
 * and its scripts call the API), so it is public; its service worker keeps it for offline use.
 */
@ApiTags('web')
@Controller('merchant')
export class CheckerPageController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly page: CheckerPage,
    private readonly pageCsp: PageCsp,
  ) {}

  @PageRoute('check', 'The checker page')
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
}
