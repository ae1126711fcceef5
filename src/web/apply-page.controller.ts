import { Body, Controller, Headers, HttpCode, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import type { ApplicationEntity } from '../applications/application.entity';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { pickLanguage } from '../common/language';
import { ProblemException } from '../common/problem/problem.exception';
import { ProgrammesService } from '../programmes/programmes.service';
import {
  memberInputs,
  readMembersForm,
  readStatementsForm,
  serviceErrors,
  STATEMENT_FIELDS,
  withStatements,
} from './apply-forms';
import { ApplyPage, ApplyStep, StepContext, stepPath } from './apply-page';
import { ApplyWizard } from './apply-wizard.service';
import { uploadErrors } from './apply-upload';
import { ApplyStepQueryDto } from './dto/apply-step-query.dto';
import { PageQueryDto } from './dto/page-query.dto';
import { PageCsrf } from './page-csrf';
import { field } from './page-forms';
import { seeOther, sendPage } from './page-reply';
import { AccountPageRoute, FamilyFormRoute } from './page-route.decorator';
import { siteHref } from './site-layout';
import { PageCsp } from './page-csp';

export const ACCOUNT_PATH = '/account';
const FAMILY = ['family' as const];
type FormBody = Record<string, unknown>;
const FORM_ERRORS = { 400: 'The step again, with errors at its fields' };

/**
 * The application wizard of a signed-in family account: household → statements → documents → check and send.
 * Every step is a form posted to the server, saved on the application at once (so the family can stop and come
 * back) and answered with a redirect to the next step: no names or ID numbers ever appear in an address.
 */
@ApiTags('web')
@Controller('apply')
export class ApplyPageController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly page: ApplyPage,
    private readonly wizard: ApplyWizard,
    private readonly csrf: PageCsrf,
    private readonly pageCsp: PageCsp,
  ) {}

  /** Where the family stands: a saved draft opens at "check and send", none starts with the household. */
  @AccountPageRoute('', 'Redirects to the step to continue with', FAMILY)
  async start(
    @CurrentActor() actor: Actor,
    @Query() query: PageQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lang = query.lang ?? null;
    if (await this.wizard.closed(actor)) return seeOther(reply, siteHref(ACCOUNT_PATH, { lang }));
    const draft = await this.wizard.draft(actor);
    seeOther(reply, siteHref(stepPath(draft ? 'review' : 'members'), { lang }));
  }

  @AccountPageRoute('members', 'The household step: address and people', FAMILY)
  async members(
    @CurrentActor() actor: Actor,
    @Query() query: ApplyStepQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const c = await this.step(actor, query.lang, acceptLanguage, query.saved === '1');
    if (!c.app && (await this.wizard.closed(actor))) return this.leave(reply, c);
    const saved = await this.wizard.people(c.app);
    const rows = saved.map((p, index) => ({
      index,
      key: p.key,
      firstName: p.input.firstName,
      lastName: p.input.lastName,
      birthDate: p.input.birthDate,
      role: p.input.role,
      nationalId: '',
      kept: p.kept,
    }));
    const address = {
      street: c.app?.street ?? '',
      postalCode: c.app?.postalCode ?? '',
      city: c.app?.city ?? '',
      phone: c.app?.phone ?? '',
    };
    sendPage(reply, this.pageCsp.strict, 200, this.page.members(c, address, rows));
  }

  @HttpCode(303)
  @FamilyFormRoute('members', 'Saved: on to the statements, or the same step with one more row', FORM_ERRORS)
  async saveMembers(
    @CurrentActor() actor: Actor,
    @Body() body: FormBody,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const c = await this.step(actor, field(body, 'lang'), acceptLanguage, false);
    if (!c.app && (await this.wizard.closed(actor))) return this.leave(reply, c);
    const saved = await this.wizard.people(c.app);
    const form = readMembersForm(body, new Set(saved.map((p) => p.key)));
    const kept = new Map(saved.map((p) => [p.key, p.kept]));
    const again = (errors: Record<string, string>) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        400,
        this.page.members(
          { ...c, errors },
          form.address,
          form.rows.map((r) => ({ ...r, kept: kept.get(r.key) ?? null })),
        ),
      );
    if (Object.keys(form.errors).length > 0) return again(form.errors);
    const people = memberInputs(form.rows, new Map(saved.map((p) => [p.key, p.input])));
    try {
      await this.wizard.saveHousehold(actor, c.app, form.address, people, c.language);
    } catch (error) {
      if (!isValidation(error)) throw error;
      return again(
        serviceErrors(
          error.problem.errors ?? [],
          form.rows.map((r) => r.index),
        ),
      );
    }
    seeOther(reply, this.next(form.more ? 'members' : 'statements', c.language));
  }

  @AccountPageRoute('statements', 'The statements step: education and disability', FAMILY)
  async statements(
    @CurrentActor() actor: Actor,
    @Query() query: ApplyStepQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const c = await this.step(actor, query.lang, acceptLanguage, query.saved === '1');
    if (!c.app) return this.leave(reply, c);
    const people = await this.wizard.people(c.app);
    const values = people.map((p) =>
      Object.fromEntries(STATEMENT_FIELDS.map((f) => [f, String(p.input[f] ?? '')])),
    );
    sendPage(reply, this.pageCsp.strict, 200, this.page.statements(c, people, values));
  }

  @HttpCode(303)
  @FamilyFormRoute('statements', 'Saved: on to the documents', FORM_ERRORS)
  async saveStatements(
    @CurrentActor() actor: Actor,
    @Body() body: FormBody,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const c = await this.step(actor, field(body, 'lang'), acceptLanguage, false);
    if (!c.app) return this.leave(reply, c);
    const people = await this.wizard.people(c.app);
    const form = readStatementsForm(body, people.length);
    const again = (errors: Record<string, string>) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        400,
        this.page.statements({ ...c, errors }, people, form.statements),
      );
    if (Object.keys(form.errors).length > 0) return again(form.errors);
    try {
      await this.wizard.saveMembers(
        actor,
        c.app,
        withStatements(
          people.map((p) => p.input),
          form.statements,
        ),
      );
    } catch (error) {
      if (!isValidation(error)) throw error;
      const rows = people.map((_, i) => i);
      return again(serviceErrors(error.problem.errors ?? [], rows, STATEMENT_FIELDS));
    }
    seeOther(reply, this.next('documents', c.language));
  }

  @AccountPageRoute('documents', 'The documents step: what is attached, and a form to attach more', FAMILY)
  async documents(
    @CurrentActor() actor: Actor,
    @Query() query: ApplyStepQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const c = await this.step(actor, query.lang, acceptLanguage, query.saved === '1');
    if (!c.app) return this.leave(reply, c);
    sendPage(
      reply,
      this.pageCsp.strict,
      200,
      this.page.documents(c, await this.wizard.documents(actor, c.app)),
    );
  }

  /** multipart/form-data: `kind`, then `file`; the CSRF token and language come in the form's action URL. */
  @HttpCode(303)
  @FamilyFormRoute(
    'documents',
    'Attached: the documents step again',
    {
      ...FORM_ERRORS,
      413: 'The step again: the file is too large',
      415: 'The step again: not a PDF, JPEG or PNG',
    },
    'multipart/form-data',
  )
  async upload(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const c = await this.step(actor, field(request.query, 'lang'), acceptLanguage, false);
    if (!c.app) return this.leave(reply, c);
    try {
      await this.wizard.upload(actor, c.app, request);
    } catch (error) {
      const found = uploadErrors(error);
      if (!found) throw error;
      const documents = await this.wizard.documents(actor, c.app);
      return sendPage(
        reply,
        this.pageCsp.strict,
        found.status,
        this.page.documents({ ...c, errors: found.errors }, documents),
      );
    }
    seeOther(reply, this.next('documents', c.language));
  }

  @AccountPageRoute('review', 'The last step: what will be sent, the eligibility by the stated facts', FAMILY)
  async review(
    @CurrentActor() actor: Actor,
    @Query() query: ApplyStepQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const c = await this.step(actor, query.lang, acceptLanguage, query.saved === '1');
    if (!c.app) return this.leave(reply, c);
    sendPage(reply, this.pageCsp.strict, 200, await this.reviewPage(actor, c, c.app));
  }

  @HttpCode(303)
  @FamilyFormRoute('submit', 'Sent: on to the account page', {
    409: 'The last step again: the application cannot be sent as it is',
  })
  async submit(
    @CurrentActor() actor: Actor,
    @Body() body: FormBody,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const c = await this.step(actor, field(body, 'lang'), acceptLanguage, false);
    if (!c.app) return this.leave(reply, c);
    try {
      await this.wizard.submit(actor, c.app);
    } catch (error) {
      if (!(error instanceof ProblemException) || ![400, 409].includes(error.problem.status)) throw error;
      const html = await this.reviewPage(actor, { ...c, errors: { submit: 'submitNotReady' } }, c.app);
      return sendPage(reply, this.pageCsp.strict, 409, html);
    }
    seeOther(reply, siteHref(ACCOUNT_PATH, { lang: c.language }));
  }

  private async reviewPage(actor: Actor, c: StepContext, app: ApplicationEntity): Promise<string> {
    const [detail, documents] = await Promise.all([
      this.wizard.detail(actor, app),
      this.wizard.documents(actor, app),
    ]);
    return this.page.review(c, detail, documents);
  }

  private async step(
    actor: Actor,
    lang: string | undefined,
    acceptLanguage: string | undefined,
    saved: boolean,
  ): Promise<StepContext> {
    const programme = await this.programmes.default();
    const language = pickLanguage(lang || undefined, acceptLanguage, this.page.texts.languagesFor(programme));
    return {
      programme,
      language,
      csrf: this.csrf.forSession(actor),
      app: await this.wizard.draft(actor),
      saved,
      errors: {},
    };
  }

  /** No draft to work on here: /apply knows where to go (the account page, or the household step). */
  private leave(reply: FastifyReply, c: StepContext): void {
    seeOther(reply, siteHref('/apply', { lang: c.language }));
  }

  private next(step: ApplyStep, language: string): string {
    return siteHref(stepPath(step), { saved: 1, lang: language });
  }
}

const isValidation = (error: unknown): error is ProblemException =>
  error instanceof ProblemException && error.problem.status === 400;
