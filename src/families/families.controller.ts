import { Controller, Get, Header, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { Auth } from '../common/decorators/auth.decorator';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { FamilyDataService } from './data-export/family-data.service';
import { FamilyDto } from './data-export/family.dto';
import { FamilyExportDto } from './data-export/family-export.dto';

@ApiTags('families')
@Controller('families')
export class FamiliesController {
  constructor(private readonly data: FamilyDataService) {}

  /** The signed-in family user's family and its members, national IDs masked. */
  @Get('mine')
  @Auth({ roles: ['family'] })
  @Header('Cache-Control', 'no-store')
  @ApiNotFoundResponse({ description: 'Not enrolled in a family yet', type: ProblemDto })
  async mine(@CurrentActor() actor: Actor): Promise<FamilyDto> {
    return this.data.mine(actor);
  }

  /**
   * Everything held about the signed-in family user, as a JSON file to keep: account, family, members with
   * their full national IDs, applications with timeline, decision and documents (not their bytes), e-mails sent.
   * Staff working notes are not part of it. Audited.
   */
  @Get('mine/export')
  @Auth({ roles: ['family'] })
  @Header('Cache-Control', 'no-store')
  async export(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FamilyExportDto> {
    const data = await this.data.export(actor);
    const date = data.generatedAt.toISOString().slice(0, 10);
    reply.header('Content-Disposition', `attachment; filename="family-data-${date}.json"`);
    return data;
  }

  /** Staff who work with families, or the family itself. */
  @Get(':id')
  @Auth({ roles: ['admin', 'case_worker', 'auditor', 'family'] })
  @Header('Cache-Control', 'no-store')
  @ApiNotFoundResponse({ description: 'No such family, or not yours', type: ProblemDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<FamilyDto> {
    return this.data.view(actor, id);
  }
}
