import { Body, Controller, Headers, HttpCode, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../auth/actor';
import { Public, RateLimit } from '../../common/decorators/auth.decorator';
import { CurrentActor } from '../../common/decorators/current-actor.decorator';
import { pickLanguage } from '../../common/language';
import { CategoriesService } from '../../partners/categories/categories.service';
import { RegisterPartnerDto } from '../../partners/dto/partner-input.dto';
import { PartnersService } from '../../partners/partners.service';
import type { ProgrammeEntity } from '../../programmes/programme.entity';
import { ProgrammesService } from '../../programmes/programmes.service';
import { PageCsrf } from '../page-csrf';
import { field } from '../page-forms';
import { seeOther, sendPage } from '../page-reply';
import { FormRoute, pageHeaders, PageRoute } from '../page-route.decorator';
import { siteHref } from '../site-layout';
import { PortalQueryDto } from './dto/portal-query.dto';
import { dtoProblems, FormErrors, refusal } from './portal-fields';
import { PortalPages, summaryOf } from './portal-page';
import { partnerFormErrors, readPartnerForm, registerBody } from './portal-partner-form';
import { registerGroups } from './portal-partner-views';
import { PageCsp } from '../page-csp';

export const PARTNER_REGISTER_PATH = '/partner/register';

/**
 * A business registers itself at /partner/register: the same service call as POST /api/v1/partners/register
 * (its profile, description per language, tax number in the programme's format, the agreement, the owner's
 * account), in that service's transaction. The form is anonymous, so its CSRF token is bound to a cookie of its
 * own (PageCsrf), as /register's.
 */
@ApiTags('web')
@Controller('partner/register')
export class PortalRegisterController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly categories: CategoriesService,
    private readonly partners: PartnersService,
    private readonly pages: PortalPages,
    private readonly csrf: PageCsrf,
    private readonly pageCsp: PageCsp,
  ) {}

  @PageRoute('', 'The form a business registers with; after registering, the confirmation')
  async form(
    @Query() query: PortalQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<string> {
    const programme = await this.programmes.default();
    pageHeaders(reply, this.pageCsp.strict);
    const language = this.language(programme, query.lang, acceptLanguage);
    if (query.notice === 'registered') return this.done(programme, language);
    return this.page(programme, language, this.csrf.anonymous(request, reply), {}, {});
  }

  @HttpCode(303)
  @FormRoute('', 'Registered: the confirmation that staff will review it', {
    400: 'The form again, with errors at its fields; nothing saved',
    403: 'The form again: it expired or came from elsewhere',
    409: 'The form again: the tax number or the owner’s e-mail is already registered',
  })
  @Public()
  @RateLimit('selfService')
  async register(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const programme = await this.programmes.default();
    const language = this.language(programme, field(body, 'lang') || undefined, acceptLanguage);
    const values = readPartnerForm(body, programme.languages, true);
    const again = async (status: number, errors: FormErrors) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        status,
        await this.page(programme, language, this.csrf.anonymous(request, reply), values, errors),
      );
    if (!this.csrf.anonymousMatches(request)) return again(403, { name: 'expiredForm' });
    const dto = registerBody(values, programme.languages, programme.partnerAgreementVersion);
    const problems = dtoProblems(RegisterPartnerDto, dto);
    if (problems.length) return again(400, partnerFormErrors(problems, programme.languages));
    try {
      await this.partners.register(actor, dto as RegisterPartnerDto);
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      return again(refused.status, partnerFormErrors(refused.problems, programme.languages, refused.status));
    }
    seeOther(reply, siteHref(PARTNER_REGISTER_PATH, { notice: 'registered', lang: language }));
  }

  private async page(
    programme: ProgrammeEntity,
    language: string,
    csrf: string,
    values: Record<string, string>,
    errors: FormErrors,
  ): Promise<string> {
    const t = this.pages.t(language);
    const categories = await this.categories.list(programme.id);
    // The password is never shown again.
    const groups = registerGroups(programme, categories, language, t, { ...values, password: '' }, errors);
    return this.pages.render(
      'partner-portal-register.html.hbs',
      { programme, language, csrf },
      { path: PARTNER_REGISTER_PATH, title: t.registerTitle, section: null },
      { groups, errors: summaryOf(groups), signInHref: siteHref('/signin', { lang: language }), done: false },
    );
  }

  private done(programme: ProgrammeEntity, language: string): string {
    const t = this.pages.t(language);
    return this.pages.render(
      'partner-portal-register.html.hbs',
      { programme, language, csrf: '' },
      { path: PARTNER_REGISTER_PATH, title: t.registeredTitle, section: null },
      { groups: [], errors: [], signInHref: siteHref('/signin', { lang: language }), done: true },
    );
  }

  private language(programme: ProgrammeEntity, asked: string | undefined, acceptLanguage?: string): string {
    return pickLanguage(asked, acceptLanguage, this.pages.languagesFor(programme));
  }
}
