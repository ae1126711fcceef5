import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { Auth } from '../common/decorators/auth.decorator';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreatedApiKeyDto, mapApiKey } from './dto/api-key.dto';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

/** The programme's own integration keys (reporting, exports). Partners' till keys live with the partner. */
@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @Auth({ roles: ['admin', 'auditor'] })
  async list(): Promise<ApiKeyDto[]> {
    return (await this.keys.list()).map(mapApiKey);
  }

  /** Creates a key; the response holds the whole key, which is not shown again. */
  @Post()
  @Auth({ roles: ['admin'] })
  @ApiBadRequestResponse({ type: ProblemDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const { entity, key } = await this.keys.create(actor, dto);
    return { ...mapApiKey(entity), key };
  }

  /** Revokes a key at once; the record stays for the audit trail. */
  @Delete(':id')
  @HttpCode(204)
  @Auth({ roles: ['admin'] })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ type: ProblemDto })
  async revoke(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.keys.revoke(actor, id);
  }
}
