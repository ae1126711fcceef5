import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyDto, CreatedApiKeyDto, mapApiKey } from '../api-keys/dto/api-key.dto';
import { CreateApiKeyDto } from '../api-keys/dto/create-api-key.dto';
import type { Actor } from '../auth/actor';
import { Auth } from '../common/decorators/auth.decorator';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { CreatedUserDto, mapUser, UserDto } from '../users/dto/user.dto';
import { InviteMerchantDto, UpdateCashierDto } from './dto/partner-account.dto';
import { PartnerAccountsService } from './partner-accounts.service';

/** The owner's administration: cashier accounts and till API keys of the partner. */
@ApiTags('partners')
@ApiBadRequestResponse({ description: 'Invalid input', type: ProblemDto })
@ApiNotFoundResponse({ description: 'No such partner (or not yours)', type: ProblemDto })
@Auth()
@Controller('partners/:partnerId')
export class PartnerAccountsController {
  constructor(private readonly accounts: PartnerAccountsService) {}

  @Get('users')
  async users(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
  ): Promise<UserDto[]> {
    return (await this.accounts.accounts(actor, partnerId)).map(mapUser);
  }

  /**
   * Creates a cashier (the owner, or staff) or an owner (staff only); the response holds the first password,
   * shown this once.
   */
  @Post('users')
  @ApiConflictResponse({ description: 'E-mail already in use', type: ProblemDto })
  async invite(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Body() dto: InviteMerchantDto,
  ): Promise<CreatedUserDto> {
    const { user, initialPassword } = await this.accounts.invite(actor, partnerId, dto);
    return { ...mapUser(user), initialPassword };
  }

  @Patch('users/:userId')
  async updateUser(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: UpdateCashierDto,
  ): Promise<UserDto> {
    return mapUser(await this.accounts.setCashierDisabled(actor, partnerId, userId, dto.disabled));
  }

  @Get('api-keys')
  async keys(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
  ): Promise<ApiKeyDto[]> {
    return (await this.accounts.keys(actor, partnerId)).map(mapApiKey);
  }

  /** A key for the partner's till system (scope validations:write); the whole key is shown this once. */
  @Post('api-keys')
  async createKey(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Body() dto: CreateApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    const { entity, key } = await this.accounts.createKey(actor, partnerId, dto);
    return { ...mapApiKey(entity), key };
  }

  @Delete('api-keys/:keyId')
  @HttpCode(204)
  async revokeKey(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Param('keyId', ParseUUIDPipe) keyId: string,
  ): Promise<void> {
    await this.accounts.revokeKey(actor, partnerId, keyId);
  }
}
