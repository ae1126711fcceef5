import { Controller, Get, Header, Headers, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public, RateLimit } from '../common/decorators/auth.decorator';
import { pickLanguage } from '../common/language';
import { ProblemDto } from '../common/problem/problem.dto';
import { ProgrammesService } from '../programmes/programmes.service';
import { CheckPage } from './check-page';
import { ValidationsService } from './validations.service';

const HTML = { 'text/html': { schema: { type: 'string' } } };

/**
 * Where a phone camera lands when it scans a card: `<PUBLIC_URL>/C/<token>` (the QR text is upper case, so
 * the path is `/C/`). Anyone may look; it records nothing and is rate-limited per address.
 */
@ApiTags('validations')
@Controller()
export class CheckPageController {
  constructor(
    private readonly validations: ValidationsService,
    private readonly programmes: ProgrammesService,
    private readonly page: CheckPage,
  ) {}

  @Get(['C/:token', 'c/:token'])
  @Public()
  @RateLimit('publicCheck')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiOkResponse({ description: 'The check page, valid or not', content: HTML })
  @ApiTooManyRequestsResponse({ type: ProblemDto })
  async show(
    @Param('token') token: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<string> {
    const programme = await this.programmes.default();
    const now = new Date();
    const { result, card } = await this.validations.publicCheck(programme, token, now);
    const spoken = this.page.languages();
    const languages = [...new Set([...programme.languages.filter((l) => spoken.includes(l)), ...spoken])];
    return this.page.render(programme, pickLanguage(undefined, acceptLanguage, languages), result, card, now);
  }
}
