import { Body, Controller, Delete, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Auth, Public, RateLimit } from '../common/decorators/auth.decorator';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { UsersService } from '../users/users.service';
import { mapUser, UserDto } from '../users/dto/user.dto';
import type { Actor } from './actor';
import { AuthService, IssuedTokens } from './auth.service';
import { ChangePasswordDto, LoginDto, RefreshDto, RegisterFamilyDto } from './dto/login.dto';
import { TokenDto } from './dto/token.dto';
import { WebSessionDto } from './dto/web-session.dto';
import { TokensService } from './tokens.service';
import { clearedSessionCookies, sessionCookies } from './web-session';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../config/app.config';

const toDto = (t: IssuedTokens): TokenDto => ({
  accessToken: t.accessToken,
  tokenType: 'Bearer',
  expiresIn: t.expiresIn,
  refreshToken: t.refreshToken,
  refreshExpiresIn: t.refreshExpiresIn,
  user: mapUser(t.user),
});

@ApiTags('auth')
@ApiBadRequestResponse({ description: 'Invalid input', type: ProblemDto })
@Controller('auth')
export class AuthController {
  /** Cookies are marked Secure when the service is reached over TLS. */
  private readonly secure: boolean;

  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    config: ConfigService,
  ) {
    this.secure = config.getOrThrow<AppConfig>('app').publicUrl.startsWith('https://');
  }

  /** Signs in with e-mail and password. Repeated failures lock the account for a while. */
  @Post('login')
  @HttpCode(200)
  @Public()
  @RateLimit('login')
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password', type: ProblemDto })
  async login(@CurrentActor() actor: Actor, @Body() dto: LoginDto): Promise<TokenDto> {
    return toDto(await this.auth.login(actor, dto.email, dto.password));
  }

  /**
   * Signs in for the web pages (JSON or a form post): the session goes into an HttpOnly cookie that scripts
   * cannot read, and the answer gives the CSRF token that every change made with the cookie must carry.
   */
  @Post('session')
  @HttpCode(200)
  @Public()
  @RateLimit('login')
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password', type: ProblemDto })
  async startSession(
    @CurrentActor() actor: Actor,
    @Body() dto: LoginDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebSessionDto> {
    const issued = await this.auth.login(actor, dto.email, dto.password);
    const token = await this.tokens.signWeb(issued.user.id, issued.sessionId, issued.sessionExpiresAt);
    reply.header('Set-Cookie', sessionCookies(token, issued.sessionExpiresAt, this.secure));
    return {
      user: mapUser(issued.user),
      csrfToken: this.tokens.csrfToken(issued.sessionId),
      expiresAt: issued.sessionExpiresAt,
    };
  }

  /** The current session and its CSRF token, for a page's scripts. */
  @Get('session')
  @Auth()
  async session(@CurrentActor() actor: Actor): Promise<WebSessionDto> {
    const { user, expiresAt } = await this.auth.session(actor);
    return { user: mapUser(user), csrfToken: this.tokens.csrfToken(actor.sessionId!), expiresAt };
  }

  /** Ends the session and clears its cookie. */
  @Delete('session')
  @HttpCode(204)
  @Auth()
  @ApiNoContentResponse({ description: 'Signed out' })
  async endSession(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(actor);
    reply.header('Set-Cookie', clearedSessionCookies(this.secure));
  }

  /** Creates a family account (no family yet: the first approved application links it). Sign in afterwards. */
  @Post('register')
  @Public()
  @RateLimit('selfService')
  @ApiConflictResponse({ description: 'E-mail already in use', type: ProblemDto })
  async register(@CurrentActor() actor: Actor, @Body() dto: RegisterFamilyDto): Promise<UserDto> {
    return mapUser(await this.users.createAccount(actor, { ...dto, role: 'family' }));
  }

  /** Exchanges a refresh token for a new token pair. Reusing an old refresh token ends the session. */
  @Post('refresh')
  @HttpCode(200)
  @Public()
  @RateLimit('login')
  @ApiUnauthorizedResponse({ description: 'Invalid, used or expired refresh token', type: ProblemDto })
  async refresh(@CurrentActor() actor: Actor, @Body() dto: RefreshDto): Promise<TokenDto> {
    return toDto(await this.auth.refresh(actor, dto.refreshToken));
  }

  /** Ends the current session; its access and refresh tokens stop working at once. */
  @Post('logout')
  @HttpCode(204)
  @Auth()
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
  }

  /** The signed-in account. */
  @Get('me')
  @Auth()
  async me(@CurrentActor() actor: Actor): Promise<UserDto> {
    return mapUser(await this.users.get(actor.id!));
  }

  /** Changes the signed-in user's password and signs out their other sessions. */
  @Post('password')
  @HttpCode(204)
  @Auth()
  @RateLimit('login')
  @ApiNoContentResponse({ description: 'Password changed' })
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }
}
