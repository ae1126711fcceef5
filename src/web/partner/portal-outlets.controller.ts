import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../auth/actor';
import { MERCHANT_ROLES } from '../../auth/roles';
import { Auth } from '../../common/decorators/auth.decorator';
import { CurrentActor } from '../../common/decorators/current-actor.decorator';
import { pickLanguage } from '../../common/language';
import type { OutletInputDto, UpdateOutletDto } from '../../partners/dto/outlet.dto';
import type { OutletEntity } from '../../partners/outlet.entity';
import { OutletsService } from '../../partners/outlets.service';
import { PartnersService } from '../../partners/partners.service';
import { ProgrammesService } from '../../programmes/programmes.service';
import { addressOf, webLink } from '../catalogue-items';
import { PageCsrf } from '../page-csrf';
import { field } from '../page-forms';
import { fill } from '../page-format';
import { seeOther, sendPage } from '../page-reply';
import { AccountPageRoute, FormRoute } from '../page-route.decorator';
import { siteHref } from '../site-layout';
import { PortalQueryDto } from './dto/portal-query.dto';
import { FormErrors, refusal } from './portal-fields';
import {
  outletFormErrors,
  outletFormValues,
  placeOutletProblems,
  readOutletForm,
} from './portal-outlet-form';
import { outletGroups } from './portal-outlet-views';
import { PortalPages, summaryOf } from './portal-page';
import { PageCsp } from '../page-csp';

export const OUTLETS_PATH = '/partner/outlets';
const OWNER = ['merchant_owner' as const];

interface OutletState {
  outlet: OutletEntity | null;
  values?: Record<string, string>;
  errors?: FormErrors;
}

/**
 * The partner's outlets at /partner/outlets: the list, a form to add one, and each outlet's form to change or
 * remove it. Only the actor's own partner's outlets are reached (OutletsService's row-level check answers 404
 * for another's); the owner writes, cashiers read.
 */
@ApiTags('web')
@Controller('partner/outlets')
export class PortalOutletsController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly partners: PartnersService,
    private readonly outlets: OutletsService,
    private readonly pages: PortalPages,
    private readonly csrf: PageCsrf,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute('', 'The partner’s outlets', [...MERCHANT_ROLES], {
    404: 'The account belongs to no partner',
  })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: PortalQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const { programme, partner, language, t } = await this.context(actor, query.lang, acceptLanguage);
    const outlets = await this.outlets.list(actor, partner.id);
    const html = this.pages.render(
      'partner-portal-outlets.html.hbs',
      { programme, language, csrf: this.csrf.forSession(actor), role: actor.role },
      { path: OUTLETS_PATH, title: t.outletsTitle, section: 'outlets' },
      {
        notice: query.notice ? t.notices[query.notice] : null,
        owner: actor.role === 'merchant_owner',
        newHref: siteHref(`${OUTLETS_PATH}/new`, { lang: language }),
        outlets: outlets.map((o) => ({
          name: o.name,
          href: siteHref(`${OUTLETS_PATH}/${o.id}`, { lang: language }),
          kind: t.kinds[o.kind],
          where: o.kind === 'place' ? addressOf(o) : (webLink(o.url) ?? ''),
        })),
      },
    );
    sendPage(reply, this.pageCsp.strict, 200, html);
  }

  @AccountPageRoute('new', 'The form to add an outlet', OWNER)
  async newForm(
    @CurrentActor() actor: Actor,
    @Query() query: PortalQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    sendPage(
      reply,
      this.pageCsp.strict,
      200,
      await this.page(actor, query.lang, acceptLanguage, { outlet: null }),
    );
  }

  @HttpCode(303)
  @FormRoute('', 'Added: the outlets, saying so', {
    400: 'The form again, with errors at its fields; nothing saved',
    409: 'The form again: another outlet has that name',
  })
  @Auth({ roles: OWNER })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const lang = field(body, 'lang') || undefined;
    const values = readOutletForm(body);
    const { partner } = await this.context(actor, lang, acceptLanguage);
    const again = async (status: number, errors: FormErrors) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        status,
        await this.page(actor, lang, acceptLanguage, { outlet: null, values, errors }),
      );
    const checked = outletFormErrors(values, values.kind);
    if (Object.keys(checked.errors).length) return again(400, checked.errors);
    try {
      await this.outlets.create(actor, partner.id, checked.body as unknown as OutletInputDto);
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      return again(refused.status, placeOutletProblems(refused.problems, refused.status));
    }
    seeOther(reply, await this.backTo(actor, lang, acceptLanguage, 'created'));
  }

  @AccountPageRoute(':id', 'One outlet: the owner’s form to change or remove it', [...MERCHANT_ROLES], {
    404: 'No such outlet of the partner',
  })
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PortalQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const partner = await this.partners.mine(actor);
    const outlet = await this.outlets.get(actor, partner.id, id);
    sendPage(reply, this.pageCsp.strict, 200, await this.page(actor, query.lang, acceptLanguage, { outlet }));
  }

  @HttpCode(303)
  @FormRoute(':id', 'Saved: the outlets, saying so', {
    400: 'The form again, with errors at its fields; nothing saved',
    409: 'The form again: another outlet has that name',
  })
  @Auth({ roles: OWNER })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const lang = field(body, 'lang') || undefined;
    const partner = await this.partners.mine(actor);
    const outlet = await this.outlets.get(actor, partner.id, id);
    const values = { ...readOutletForm(body), kind: outlet.kind };
    const again = async (status: number, errors: FormErrors) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        status,
        await this.page(actor, lang, acceptLanguage, { outlet, values, errors }),
      );
    const checked = outletFormErrors(values, outlet.kind);
    if (Object.keys(checked.errors).length) return again(400, checked.errors);
    const { kind: _kind, ...changes } = checked.body;
    try {
      await this.outlets.update(actor, partner.id, id, changes as UpdateOutletDto);
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      return again(refused.status, placeOutletProblems(refused.problems, refused.status));
    }
    seeOther(reply, await this.backTo(actor, lang, acceptLanguage, 'saved'));
  }

  /** Removing asks for a ticked confirmation: the outlet's offers may be left without a place. */
  @HttpCode(303)
  @FormRoute(':id/remove', 'Removed: the outlets, saying so', {
    400: 'The outlet again: the removal was not confirmed',
  })
  @Auth({ roles: OWNER })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const lang = field(body, 'lang') || undefined;
    const partner = await this.partners.mine(actor);
    const outlet = await this.outlets.get(actor, partner.id, id);
    if (field(body, 'confirm') !== 'yes')
      return sendPage(
        reply,
        this.pageCsp.strict,
        400,
        await this.page(actor, lang, acceptLanguage, { outlet, errors: { confirm: 'confirm' } }),
      );
    await this.outlets.remove(actor, partner.id, id);
    seeOther(reply, await this.backTo(actor, lang, acceptLanguage, 'removed'));
  }

  private async context(actor: Actor, asked: string | undefined, acceptLanguage: string | undefined) {
    const partner = await this.partners.mine(actor);
    const programme = await this.programmes.get(partner.programmeId);
    const language = pickLanguage(asked, acceptLanguage, this.pages.languagesFor(programme));
    return { partner, programme, language, t: this.pages.t(language) };
  }

  private async backTo(
    actor: Actor,
    asked: string | undefined,
    acceptLanguage: string | undefined,
    notice: string,
  ) {
    const { language } = await this.context(actor, asked, acceptLanguage);
    return siteHref(OUTLETS_PATH, { notice, lang: language });
  }

  private async page(
    actor: Actor,
    asked: string | undefined,
    acceptLanguage: string | undefined,
    state: OutletState,
  ): Promise<string> {
    const { programme, language, t } = await this.context(actor, asked, acceptLanguage);
    const { outlet } = state;
    const owner = actor.role === 'merchant_owner';
    const values = state.values ?? (outlet ? outletFormValues(outlet) : { kind: 'place' });
    const errors = state.errors ?? {};
    const groups = outletGroups(t, values, errors, outlet?.kind ?? null, !owner);
    const title = outlet ? fill(t.outletTitle, { name: outlet.name }) : t.newOutletTitle;
    const confirmError = errors.confirm ? t.errors.confirm : null;
    return this.pages.render(
      'partner-portal-outlet.html.hbs',
      { programme, language, csrf: this.csrf.forSession(actor), role: actor.role },
      { path: outlet ? `${OUTLETS_PATH}/${outlet.id}` : `${OUTLETS_PATH}/new`, title, section: 'outlets' },
      {
        heading: title,
        owner,
        action: outlet ? `${OUTLETS_PATH}/${outlet.id}` : OUTLETS_PATH,
        groups,
        errors: [
          ...summaryOf(groups),
          ...(confirmError ? [{ field: 'confirm', message: confirmError }] : []),
        ],
        remove:
          outlet && owner
            ? {
                action: `${OUTLETS_PATH}/${outlet.id}/remove`,
                label: fill(t.removeConfirm, { name: outlet.name }),
                error: confirmError,
              }
            : null,
        backHref: siteHref(OUTLETS_PATH, { lang: language }),
      },
    );
  }
}
