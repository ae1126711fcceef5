import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { ProblemDto } from '../../common/problem/problem.dto';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../auth/actor';
import { PARTNER_API_SCOPES } from '../../auth/roles';
import { Auth } from '../../common/decorators/auth.decorator';
import { CurrentActor } from '../../common/decorators/current-actor.decorator';
import { PartnerAccountsService } from '../../partners/partner-accounts.service';
import { field } from '../page-forms';
import { seeOther, sendPage } from '../page-reply';
import { AccountPageRoute, FormRoute } from '../page-route.decorator';
import { SecretFormRoute } from './team-route.decorator';
import { siteHref } from '../site-layout';
import { KeysQueryDto } from './dto/keys-query.dto';
import { KeysPage } from './keys-page';
import { PartnerTeamPages } from './team-common';
import { readKeyForm } from './team-forms';
import { PageCsp } from '../page-csp';

const OWNER = ['merchant_owner' as const];

/**
 * The owner's till API keys at /partner/keys: the list, a new key (the whole key shown once, on the answer to
 * the form) and revoking one, through PartnerAccountsService as the API does (audited there).
 */
@ApiTags('web')
@Controller('partner/keys')
export class KeysPageController {
  constructor(
    private readonly accounts: PartnerAccountsService,
    private readonly pages: PartnerTeamPages,
    private readonly page: KeysPage,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute('', "The partner's till API keys and the form for a new one", OWNER)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: KeysQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const s = await this.pages.state(actor, query.lang, acceptLanguage);
    const keys = await this.accounts.keys(actor, s.partnerId);
    sendPage(reply, this.pageCsp.strict, 200, this.page.list({ ...s, keys, notice: query.notice }));
  }

  /** Not a redirect: the answer shows the whole key this once, and it goes in no address. */
  @HttpCode(200)
  @SecretFormRoute('', 'The new key, shown this once', {
    400: 'The keys page, with the error at the name field',
  })
  @Auth({ roles: OWNER })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const s = await this.pages.state(actor, field(body, 'lang') || undefined, acceptLanguage);
    const { form, errors } = readKeyForm(body);
    if (Object.keys(errors).length > 0) {
      const keys = await this.accounts.keys(actor, s.partnerId);
      return sendPage(
        reply,
        this.pageCsp.strict,
        400,
        this.page.list({ ...s, keys, create: { form, errors } }),
      );
    }
    const { entity, key } = await this.accounts.createKey(actor, s.partnerId, {
      name: form.name,
      scopes: [...PARTNER_API_SCOPES],
    });
    sendPage(reply, this.pageCsp.strict, 200, this.page.created(s, entity, key));
  }

  /** Another partner's key, or no key, is the service's 404. */
  @HttpCode(303)
  @FormRoute(':id/revoke', 'Revoked: the keys page, saying so', {})
  @ApiNotFoundResponse({ description: 'No such key of your partner', type: ProblemDto })
  @Auth({ roles: OWNER })
  async revoke(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const s = await this.pages.state(actor, undefined);
    await this.accounts.revokeKey(actor, s.partnerId, id);
    const lang = /^[a-z]{2}$/.test(field(body, 'lang')) ? field(body, 'lang') : null;
    seeOther(reply, siteHref('/partner/keys', { notice: 'revoked', lang }));
  }
}
