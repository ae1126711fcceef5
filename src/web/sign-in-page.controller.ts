import { Body, Controller, Headers, HttpCode, Query, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { AuthService } from '../auth/auth.service';
import { TokensService } from '../auth/tokens.service';
import { clearedSessionCookies, sessionCookies } from '../auth/web-session';
import { Auth, Public, RateLimit } from '../common/decorators/auth.decorator';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { pickLanguage } from '../common/language';
import type { AppConfig } from '../config/app.config';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { ProgrammesService } from '../programmes/programmes.service';
import { UsersService } from '../users/users.service';
import { strictPageCsp } from './content-security-policy';
import { PageQueryDto } from './dto/page-query.dto';
import { SignInQueryDto } from './dto/sign-in-query.dto';
import { PageCsrf } from './page-csrf';
import {
  field,
  homeOf,
  readRegisterForm,
  readSignInForm,
  registerFailure,
  signInFailure,
} from './page-forms';
import { seeOther, sendPage } from './page-reply';
import { FormRoute, pageHeaders, PageRoute } from './page-route.decorator';
import { SIGN_IN_PATH } from './page-sign-in.filter';
import { SignInPage } from './sign-in-page';
import { siteHref } from './site-layout';

type FormBody = Record<string, unknown>;

/**
 * Signing in and out with a form, and a family creating its account: the pages' way to the same session
 * cookie as POST /api/v1/auth/session, under the same rate limit and lock-out. The anonymous forms carry a
 * token bound to a cookie of their own (PageCsrf), the sign-out form the session's.
 */
@ApiTags('web')
@Controller()
export class SignInPageController {
  private readonly csp: string;
  private readonly secure: boolean;

  constructor(
    private readonly programmes: ProgrammesService,
    private readonly page: SignInPage,
    private readonly auth: AuthService,
    private readonly tokens: TokensService,
    private readonly users: UsersService,
    private readonly csrf: PageCsrf,
    config: ConfigService,
  ) {
    const app = config.getOrThrow<AppConfig>('app');
    this.csp = strictPageCsp(app.publicUrl);
    this.secure = app.publicUrl.startsWith('https://');
  }

  @PageRoute('signin', 'The sign-in form')
  async signInForm(
    @Query() query: SignInQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<string> {
    const programme = await this.programmes.default();
    pageHeaders(reply, this.csp);
    const language = this.language(programme, query.lang, acceptLanguage);
    return this.page.signIn(
      programme,
      language,
      this.csrf.anonymous(request, reply),
      undefined,
      query.notice,
    );
  }

  @HttpCode(303)
  @FormRoute('signin', 'Signed in: on to the home page of the account’s kind', {
    400: 'The form again, with errors at its fields',
    401: 'The form again: wrong e-mail or password',
    403: 'The form again: it expired or came from elsewhere, or the account is disabled',
  })
  @Public()
  @RateLimit('login')
  async signIn(
    @CurrentActor() actor: Actor,
    @Body() body: FormBody,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const programme = await this.programmes.default();
    const language = this.language(programme, field(body, 'lang'), acceptLanguage);
    const { form, errors } = readSignInForm(body);
    const again = (status: number, error: Record<string, string>) =>
      sendPage(
        reply,
        this.csp,
        status,
        this.page.signIn(programme, language, this.csrf.anonymous(request, reply), { form, errors: error }),
      );
    if (!this.csrf.anonymousMatches(request)) return again(403, { email: 'expiredForm' });
    if (Object.keys(errors).length > 0) return again(400, errors);
    let issued;
    try {
      issued = await this.auth.login(actor, form.email, form.password);
    } catch (error) {
      const failure = signInFailure(error);
      if (!failure) throw error;
      return again(failure === 'wrongLogin' ? 401 : failure === 'locked' ? 429 : 403, { email: failure });
    }
    const token = await this.tokens.signWeb(issued.user.id, issued.sessionId, issued.sessionExpiresAt);
    reply.header('Set-Cookie', sessionCookies(token, issued.sessionExpiresAt, this.secure));
    seeOther(reply, siteHref(homeOf(issued.user.role), { lang: language }));
  }

  @HttpCode(303)
  @FormRoute('signout', 'Signed out: on to the sign-in page', {})
  @Auth()
  async signOut(
    @CurrentActor() actor: Actor,
    @Body() body: FormBody,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(actor);
    reply.header('Set-Cookie', clearedSessionCookies(this.secure));
    const lang = /^[a-z]{2}$/.test(field(body, 'lang')) ? field(body, 'lang') : null;
    seeOther(reply, siteHref(SIGN_IN_PATH, { notice: 'signedOut', lang }));
  }

  @PageRoute('register', 'The form to create a family account')
  async registerForm(
    @Query() query: PageQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<string> {
    const programme = await this.programmes.default();
    pageHeaders(reply, this.csp);
    const language = this.language(programme, query.lang, acceptLanguage);
    return this.page.register(programme, language, this.csrf.anonymous(request, reply));
  }

  /** A family account only: staff and merchant accounts are created for them. */
  @HttpCode(303)
  @FormRoute('register', 'Created: on to the sign-in page', {
    400: 'The form again, with errors at its fields',
    403: 'The form again: it expired or came from elsewhere',
    409: 'The form again: the e-mail address has an account',
  })
  @Public()
  @RateLimit('selfService')
  async register(
    @CurrentActor() actor: Actor,
    @Body() body: FormBody,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const programme = await this.programmes.default();
    const language = this.language(programme, field(body, 'lang'), acceptLanguage);
    const { form, errors } = readRegisterForm(body);
    const again = (status: number, error: Record<string, string>) =>
      sendPage(
        reply,
        this.csp,
        status,
        this.page.register(programme, language, this.csrf.anonymous(request, reply), { form, errors: error }),
      );
    if (!this.csrf.anonymousMatches(request)) return again(403, { email: 'expiredForm' });
    if (Object.keys(errors).length > 0) return again(400, errors);
    try {
      await this.users.createAccount(actor, { ...form, role: 'family' });
    } catch (error) {
      const failure = registerFailure(error);
      if (!failure) throw error;
      return again(failure.key === 'emailTaken' ? 409 : 400, { [failure.field]: failure.key });
    }
    seeOther(reply, siteHref(SIGN_IN_PATH, { notice: 'registered', lang: language }));
  }

  private language(programme: ProgrammeEntity, asked: string | undefined, acceptLanguage?: string): string {
    return pickLanguage(asked, acceptLanguage, this.page.texts.languagesFor(programme));
  }
}
