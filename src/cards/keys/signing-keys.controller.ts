import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { Auth } from '../../common/decorators/auth.decorator';
import { CurrentActor } from '../../common/decorators/current-actor.decorator';
import { ProblemDto } from '../../common/problem/problem.dto';
import { RotateKeyDto, SigningKeyDto, mapSigningKey } from './signing-key.dto';
import { SigningKeysService } from './signing-keys.service';

@ApiTags('cards')
@Controller('signing-keys')
export class SigningKeysController {
  constructor(private readonly keys: SigningKeysService) {}

  @Get()
  @Auth({ roles: ['admin', 'auditor'] })
  async list(): Promise<SigningKeyDto[]> {
    return (await this.keys.list()).map(({ key, liveCards }) => mapSigningKey(key, liveCards));
  }

  /** Makes a new key the signer of new and re-signed cards; the old one keeps verifying the cards it signed. */
  @Post('rotate')
  @HttpCode(201)
  @Auth({ roles: ['admin'] })
  @ApiConflictResponse({ description: 'Another rotation happened at the same moment', type: ProblemDto })
  async rotate(@CurrentActor() actor: Actor, @Body() dto: RotateKeyDto): Promise<SigningKeyDto> {
    return mapSigningKey(await this.keys.rotate(actor, dto.note));
  }
}
