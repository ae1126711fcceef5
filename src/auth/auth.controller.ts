import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
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
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** Signs in with e-mail and password. Repeated failures lock the account for a while. */
  @Post('login')
  @HttpCode(200)
  @Public()
  @RateLimit('login')
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password', type: ProblemDto })
  async login(@CurrentActor() actor: Actor, @Body() dto: LoginDto): Promise<TokenDto> {
    return toDto(await this.auth.login(actor, dto.email, dto.password));
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
