import { Body, Controller, Headers, HttpCode, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import type { LossReason } from '../cards/card-status';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { pickLanguage } from '../common/language';
import { ProblemException } from '../common/problem/problem.exception';
import { ProgrammesService } from '../programmes/programmes.service';
import { AccountNotice, AccountPage, AccountState, refusalAt } from './account-page';
import { AccountQueryDto } from './dto/account-query.dto';
import { FamilyAccount } from './family-account.service';
import { PageCsrf } from './page-csrf';
import { field, FormResult, readEducationForm, readLostCardForm, readNewbornForm } from './page-forms';
import { seeOther, sendPage } from './page-reply';
import { AccountPageRoute, FamilyFormRoute } from './page-route.decorator';
import { siteHref } from './site-layout';
import { PageCsp } from './page-csp';

const FAMILY = ['family' as const];
type FormBody = Record<string, unknown>;
/** Where the applications service's field errors (`members[0].<name>`) belong on the account page's forms. */
const NEWBORN_SERVICE_FIELDS = {
  firstName: 'childFirstName',
  lastName: 'childLastName',
  birthDate: 'childBirthDate',
  nationalId: 'childNationalId',
};
const EDUCATION_SERVICE_FIELDS = {
  educationEnd: 'educationEnd',
  educationInstitution: 'educationInstitution',
};

/**
 * The family account at /account: applications with their timelines, the family's cards (PDF, phone wallet),
 * reporting a lost card, adding a newborn, extending a card for education, and the download of everything held
 * about the user. The downloads are the API's own
 * GET routes, which take the session cookie.
 */
@ApiTags('web')
@Controller('account')
export class AccountPageController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly page: AccountPage,
    private readonly account: FamilyAccount,
    private readonly csrf: PageCsrf,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute('', 'The family account', FAMILY)
  async show(
    @CurrentActor() actor: Actor,
    @Query() query: AccountQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const state = await this.state(actor, query.lang, acceptLanguage);
    sendPage(reply, this.pageCsp.strict, 200, this.page.render({ ...state, notice: query.notice ?? null }));
  }

  /** Asks the programme office for a new card: a duplicate-card application, sent at once. */
  @HttpCode(303)
  @FamilyFormRoute('lost-card', 'Reported: the account page, saying so', {
    400: 'The account page, with errors at the lost-card form’s fields',
    409: 'The account page: this card cannot be reported now',
  })
  async reportLost(
    @CurrentActor() actor: Actor,
    @Body() body: FormBody,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    await this.file(
      actor,
      body,
      reply,
      acceptLanguage,
      'lost',
      readLostCardForm,
      'lostReported',
      async (form) => {
        const reported = await this.account
          .reportLost(actor, form.card, form.reason as LossReason)
          .catch((error) => {
            if (error instanceof ProblemException && error.problem.status === 409) return false;
            throw error;
          });
        return reported ? null : { status: 409, errors: { card: 'lostRefused' } };
      },
    );
  }

  /** A new child in the family: an add-member application, sent at once. */
  @HttpCode(303)
  @FamilyFormRoute('newborn', 'Sent: the account page, saying so', {
    400: 'The account page, with errors at the newborn form’s fields',
    409: 'The account page: the request cannot be sent now',
  })
  async addNewborn(
    @CurrentActor() actor: Actor,
    @Body() body: FormBody,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    await this.file(
      actor,
      body,
      reply,
      acceptLanguage,
      'newborn',
      readNewbornForm,
      'newbornReported',
      (form) =>
        this.account
          .addChild(actor, {
            firstName: form.childFirstName,
            lastName: form.childLastName,
            birthDate: form.childBirthDate,
            nationalId: form.childNationalId || undefined,
          })
          .then(() => null),
      NEWBORN_SERVICE_FIELDS,
    );
  }

  /** A child's education goes on: an extension application with the new end date, sent at once. */
  @HttpCode(303)
  @FamilyFormRoute('education', 'Sent: the account page, saying so', {
    400: 'The account page, with errors at the education form’s fields',
    409: 'The account page: the request cannot be sent now',
  })
  async extendEducation(
    @CurrentActor() actor: Actor,
    @Body() body: FormBody,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    await this.file(
      actor,
      body,
      reply,
      acceptLanguage,
      'education',
      readEducationForm,
      'educationReported',
      (form) =>
        this.account
          .extendEducation(actor, form.educationMember, {
            educationEnd: form.educationEnd,
            educationInstitution: form.educationInstitution || undefined,
          })
          .then(() => null),
      EDUCATION_SERVICE_FIELDS,
    );
  }

  /**
   * One of the page's forms: read it, do it, then the page saying so (303); or the page again with the form's
   * errors at its fields — its own (400) or the service's refusal (`refusalAt`).
   */
  private async file<F extends string>(
    actor: Actor,
    body: FormBody,
    reply: FastifyReply,
    acceptLanguage: string | undefined,
    which: 'lost' | 'newborn' | 'education',
    read: (body: unknown) => FormResult<F>,
    notice: AccountNotice,
    act: (form: Record<F, string>) => Promise<{ status: number; errors: Record<string, string> } | null>,
    serviceFields: Record<string, string> = {},
  ): Promise<void> {
    const state = await this.state(actor, field(body, 'lang') || undefined, acceptLanguage);
    const { form, errors } = read(body);
    const again = (status: number, found: Record<string, string>) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        status,
        this.page.render({ ...state, [which]: { form, errors: found } }),
      );
    if (Object.keys(errors).length > 0) return again(400, errors as Record<string, string>);
    let refused: { status: number; errors: Record<string, string> } | null;
    try {
      refused = await act(form);
    } catch (error) {
      refused = refusalAt(error, serviceFields, Object.keys(form)[0]);
      if (!refused) throw error;
    }
    if (refused) return again(refused.status, refused.errors);
    seeOther(reply, siteHref('/account', { notice, lang: state.language }));
  }

  private async state(
    actor: Actor,
    lang: string | undefined,
    acceptLanguage?: string,
  ): Promise<AccountState> {
    const programme = await this.programmes.default();
    const [applications, cards, children] = await Promise.all([
      this.account.applicationsOf(actor),
      this.account.cardsOf(actor),
      this.account.children(actor),
    ]);
    return {
      programme,
      language: pickLanguage(lang, acceptLanguage, this.page.texts.languagesFor(programme)),
      csrf: this.csrf.forSession(actor),
      applications,
      cards,
      familyId: actor.familyId ?? null,
      notice: null,
      children: children.map((m) => ({ id: m.id, name: `${m.person.firstName} ${m.person.lastName}` })),
    };
  }
}
