import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { STAFF_READERS } from '../auth/roles';
import { Auth } from '../common/decorators/auth.decorator';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { CreateProgrammeDto, mapProgramme, ProgrammeDto, UpdateProgrammeDto } from './dto/programme.dto';
import { ProgrammesService } from './programmes.service';

@ApiTags('programmes')
@ApiBadRequestResponse({ description: 'Invalid input', type: ProblemDto })
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Get()
  @Auth({ roles: STAFF_READERS })
  async list(): Promise<ProgrammeDto[]> {
    return (await this.programmes.list()).map(mapProgramme);
  }

  @Get(':id')
  @Auth({ roles: STAFF_READERS })
  @ApiNotFoundResponse({ type: ProblemDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<ProgrammeDto> {
    return mapProgramme(await this.programmes.get(id));
  }

  /** Adds another programme to this deployment; unset settings take the Polish national defaults. */
  @Post()
  @Auth({ roles: ['admin'] })
  @ApiConflictResponse({ description: 'Code already in use', type: ProblemDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateProgrammeDto): Promise<ProgrammeDto> {
    return mapProgramme(await this.programmes.create(actor, dto));
  }

  /** Changes settings; applies to decisions made from now on. */
  @Patch(':id')
  @Auth({ roles: ['admin'] })
  @ApiNotFoundResponse({ type: ProblemDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateProgrammeDto,
  ): Promise<ProgrammeDto> {
    return mapProgramme(await this.programmes.update(actor, id, dto));
  }
}
