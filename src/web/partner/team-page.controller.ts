import {
  Body,
  Controller,
  Headers,
  HttpCode,
  HttpException,
  Param,
  ParseUUIDPipe,
  Query,
  Res,
} from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { ProblemDto } from '../../common/problem/problem.dto';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../auth/actor';
import { Auth } from '../../common/decorators/auth.decorator';
import { CurrentActor } from '../../common/decorators/current-actor.decorator';
import { PartnerAccountsService } from '../../partners/partner-accounts.service';
import { field } from '../page-forms';
import { seeOther, sendPage } from '../page-reply';
import { AccountPageRoute, FormRoute } from '../page-route.decorator';
import { SecretFormRoute } from './team-route.decorator';
import { siteHref } from '../site-layout';
import { TeamQueryDto } from './dto/team-query.dto';
import { PartnerTeamPages } from './team-common';
import { readInviteForm } from './team-forms';
import { TeamPage } from './team-page';
import { PageCsp } from '../page-csp';

const OWNER = ['merchant_owner' as const];

/**
 * The owner's cashier accounts at /partner/team: the list, inviting a cashier (its first password shown once, on
 * the answer to the form) and disabling or re-enabling one. Everything goes through PartnerAccountsService, as
 * the API does (GET/POST /partners/{id}/users, PATCH …/users/{userId}): same access rules, same audit entries.
 */
@ApiTags('web')
@Controller('partner/team')
export class TeamPageController {
  constructor(
    private readonly accounts: PartnerAccountsService,
    private readonly pages: PartnerTeamPages,
    private readonly page: TeamPage,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute('', "The partner's accounts and the form to invite a cashier", OWNER)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: TeamQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const s = await this.pages.state(actor, query.lang, acceptLanguage);
    const accounts = await this.accounts.accounts(actor, s.partnerId);
    sendPage(reply, this.pageCsp.strict, 200, this.page.list({ ...s, accounts, notice: query.notice }));
  }

  /** Not a redirect: the answer shows the first password this once, and it goes in no address. */
  @HttpCode(200)
  @SecretFormRoute('', 'The new cashier and the first password, shown this once', {
    400: 'The team page, with errors at the invite form’s fields',
    409: 'The team page: the e-mail address already has an account',
  })
  @Auth({ roles: OWNER })
  async invite(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const s = await this.pages.state(actor, field(body, 'lang') || undefined, acceptLanguage);
    const { form, errors } = readInviteForm(body);
    const again = async (status: number, found: typeof errors) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        status,
        this.page.list({
          ...s,
          accounts: await this.accounts.accounts(actor, s.partnerId),
          invite: { form, errors: found },
        }),
      );
    if (Object.keys(errors).length > 0) return again(400, errors);
    try {
      const { user, initialPassword } = await this.accounts.invite(actor, s.partnerId, {
        displayName: form.displayName,
        email: form.email,
        role: 'merchant_cashier',
      });
      sendPage(reply, this.pageCsp.strict, 200, this.page.created(s, user, initialPassword));
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === 409)
        return again(409, { email: 'emailTaken' });
      throw error;
    }
  }

  @HttpCode(303)
  @FormRoute(':id/disable', 'Disabled (and signed out): the team page, saying so', {})
  @ApiNotFoundResponse({ description: 'No such account of your partner', type: ProblemDto })
  @Auth({ roles: OWNER })
  async disable(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.setDisabled(actor, id, true, body, reply);
  }

  @HttpCode(303)
  @FormRoute(':id/enable', 'Enabled again: the team page, saying so', {})
  @ApiNotFoundResponse({ description: 'No such account of your partner', type: ProblemDto })
  @Auth({ roles: OWNER })
  async enable(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.setDisabled(actor, id, false, body, reply);
  }

  /** Another partner's account, or no account, is the service's 404; the owner's own account its 403. */
  private async setDisabled(
    actor: Actor,
    id: string,
    disabled: boolean,
    body: Record<string, unknown>,
    reply: FastifyReply,
  ): Promise<void> {
    const s = await this.pages.state(actor, undefined);
    await this.accounts.setCashierDisabled(actor, s.partnerId, id, disabled);
    const lang = /^[a-z]{2}$/.test(field(body, 'lang')) ? field(body, 'lang') : null;
    seeOther(reply, siteHref('/partner/team', { notice: disabled ? 'disabled' : 'enabled', lang }));
  }
}
