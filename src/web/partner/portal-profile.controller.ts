import { Body, Controller, Headers, HttpCode, Query, Req, Res } from '@nestjs/common';
import { isMalformedMultipart } from '../../common/problem/multipart-errors';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../auth/actor';
import { MERCHANT_ROLES } from '../../auth/roles';
import { Auth } from '../../common/decorators/auth.decorator';
import { CurrentActor } from '../../common/decorators/current-actor.decorator';
import { pickLanguage } from '../../common/language';
import { CategoriesService } from '../../partners/categories/categories.service';
import { UpdatePartnerDto } from '../../partners/dto/partner-input.dto';
import { MAX_LOGO_BYTES } from '../../partners/logo-image';
import { PartnersService } from '../../partners/partners.service';
import type { ProgrammeEntity } from '../../programmes/programme.entity';
import { ProgrammesService } from '../../programmes/programmes.service';
import { PageCsrf } from '../page-csrf';
import { field } from '../page-forms';
import { fill, longDate } from '../page-format';
import { seeOther, sendPage } from '../page-reply';
import { AccountPageRoute, FormRoute } from '../page-route.decorator';
import { siteHref } from '../site-layout';
import { PortalNotice, PortalQueryDto } from './dto/portal-query.dto';
import { dtoProblems, FormErrors, refusal } from './portal-fields';
import { PortalPages, summaryOf } from './portal-page';
import { partnerFormErrors, partnerFormValues, profileBody, readPartnerForm } from './portal-partner-form';
import { profileGroups } from './portal-partner-views';
import { PageCsp } from '../page-csp';

export const PROFILE_PATH = '/partner';
const OWNER = ['merchant_owner' as const];

interface ProfileState {
  values?: Record<string, string>;
  errors?: FormErrors;
  logoError?: string | null;
  notice?: PortalNotice;
}

/**
 * The partner's profile at /partner: its status in words, the profile (the owner edits it, cashiers read it)
 * and its logo. Changes go through PartnersService as PATCH and PUT /api/v1/partners/{id}… do: the same checks,
 * row-level access (only the actor's own partner) and audit entries.
 */
@ApiTags('web')
@Controller('partner')
export class PortalProfileController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly categories: CategoriesService,
    private readonly partners: PartnersService,
    private readonly pages: PortalPages,
    private readonly csrf: PageCsrf,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute('', 'The partner’s profile, status and logo', [...MERCHANT_ROLES], {
    404: 'The account belongs to no partner',
  })
  async show(
    @CurrentActor() actor: Actor,
    @Query() query: PortalQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const html = await this.page(actor, query.lang, acceptLanguage, { notice: query.notice });
    sendPage(reply, this.pageCsp.strict, 200, html);
  }

  @HttpCode(303)
  @FormRoute('', 'Saved: the profile again, saying so', {
    400: 'The profile again, with errors at its fields; nothing saved',
    409: 'The profile again: a conflict with another partner',
  })
  @Auth({ roles: OWNER })
  async save(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const partner = await this.partners.mine(actor);
    const programme = await this.programmes.get(partner.programmeId);
    const lang = field(body, 'lang') || undefined;
    const values = readPartnerForm(body, programme.languages, false);
    const again = async (status: number, errors: FormErrors) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        status,
        await this.page(actor, lang, acceptLanguage, { values, errors }),
      );
    const dto = profileBody(values, programme.languages);
    const problems = dtoProblems(UpdatePartnerDto, dto);
    if (problems.length) return again(400, partnerFormErrors(problems, programme.languages));
    try {
      await this.partners.update(actor, partner.id, dto as UpdatePartnerDto);
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      return again(refused.status, partnerFormErrors(refused.problems, programme.languages, refused.status));
    }
    seeOther(
      reply,
      siteHref(PROFILE_PATH, { notice: 'saved', lang: this.pickLang(programme, lang, acceptLanguage) }),
    );
  }

  /** multipart/form-data with the field `logo`; the CSRF token and language come in the form's action URL. */
  @HttpCode(303)
  @FormRoute(
    'logo',
    'Uploaded: the profile again, saying so',
    {
      400: 'The profile again: not a PNG or JPEG logo of the allowed size',
      413: 'The profile again: the file is too large',
    },
    'multipart/form-data',
  )
  @Auth({ roles: OWNER })
  async logo(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const partner = await this.partners.mine(actor);
    const lang = field(request.query, 'lang') || undefined;
    const again = async (status: number) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        status,
        await this.page(actor, lang, acceptLanguage, { logoError: 'logo' }),
      );
    const bytes = await readLogo(request);
    if (bytes === 'tooLarge') return again(413);
    if (bytes === null) return again(400);
    try {
      await this.partners.setLogo(actor, partner.id, bytes);
    } catch (error) {
      if (!refusal(error)) throw error;
      return again(400);
    }
    const programme = await this.programmes.get(partner.programmeId);
    seeOther(
      reply,
      siteHref(PROFILE_PATH, { notice: 'logo', lang: this.pickLang(programme, lang, acceptLanguage) }),
    );
  }

  private pickLang(programme: ProgrammeEntity, asked?: string, accept?: string): string {
    return pickLanguage(asked, accept, this.pages.languagesFor(programme));
  }

  private async page(
    actor: Actor,
    asked: string | undefined,
    acceptLanguage: string | undefined,
    state: ProfileState,
  ): Promise<string> {
    const partner = await this.partners.mine(actor);
    const programme = await this.programmes.get(partner.programmeId);
    const language = this.pickLang(programme, asked, acceptLanguage);
    const t = this.pages.t(language);
    const categories = await this.categories.list(programme.id);
    const slug = categories.find((c) => c.id === partner.categoryId)?.slug ?? '';
    const owner = actor.role === 'merchant_owner';
    const values = state.values ?? partnerFormValues(partner, slug, programme.languages);
    const groups = profileGroups(programme, categories, language, t, values, state.errors ?? {}, !owner);
    const csrf = this.csrf.forSession(actor);
    const logoError = state.logoError ? t.errors[state.logoError] : null;
    return this.pages.render(
      'partner-portal-profile.html.hbs',
      { programme, language, csrf, role: actor.role },
      { path: PROFILE_PATH, title: t.profileTitle, section: 'profile' },
      {
        notice: state.notice ? t.notices[state.notice] : null,
        partner: {
          name: partner.name,
          status: t.statuses[partner.status],
          statusHelp: t.statusHelp[partner.status],
          statusReason: partner.statusReason,
          taxNumber: partner.taxNumber,
          agreement: fill(t.agreementAccepted, {
            version: partner.agreementVersion,
            date: longDate(partner.agreementAcceptedAt, language, programme.timeZone),
          }),
        },
        owner,
        groups,
        errors: summaryOf(groups),
        logo: {
          // The hash in the address: a new logo is a new address, so no cached copy of the old one shows.
          src: partner.logoType
            ? siteHref(`/api/v1/partners/${partner.id}/logo`, { v: (partner.logoHash ?? '').slice(0, 16) })
            : null,
          alt: fill(t.logoAlt, { name: partner.name }),
          action: siteHref('/partner/logo', { _csrf: csrf, lang: language }),
          error: logoError,
          errors: logoError ? [{ field: 'logo', message: logoError }] : [],
        },
      },
    );
  }
}

/** The uploaded file's bytes; null when there is none or the request is no upload; 'tooLarge' over the limit. */
async function readLogo(request: FastifyRequest): Promise<Buffer | null | 'tooLarge'> {
  if (!request.isMultipart()) return null;
  try {
    const part = await request.file({ limits: { fileSize: MAX_LOGO_BYTES, files: 1 } });
    if (!part) return null;
    if (part.fieldname !== 'logo') {
      part.file.resume(); // drained, so the request ends
      return null;
    }
    const bytes = await part.toBuffer();
    return bytes.length ? bytes : null;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') return 'tooLarge';
    if (code.startsWith('FST_') || isMalformedMultipart(error)) return null;
    throw error;
  }
}
