import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { Auth } from '../common/decorators/auth.decorator';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { mapOutlet, OutletDto, OutletInputDto, UpdateOutletDto } from './dto/outlet.dto';
import { OutletsService } from './outlets.service';

/** A partner's outlets: its owner and partner staff change them; its cashiers and other staff read them. */
@ApiTags('partners')
@ApiBadRequestResponse({ description: 'Invalid input', type: ProblemDto })
@ApiNotFoundResponse({ description: 'No such partner or outlet (or not yours)', type: ProblemDto })
@Auth()
@Controller('partners/:partnerId/outlets')
export class OutletsController {
  constructor(private readonly outlets: OutletsService) {}

  @Get()
  async list(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
  ): Promise<OutletDto[]> {
    return (await this.outlets.list(actor, partnerId)).map(mapOutlet);
  }

  @Post()
  @ApiConflictResponse({ description: 'ref already used', type: ProblemDto })
  async create(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Body() dto: OutletInputDto,
  ): Promise<OutletDto> {
    return mapOutlet(await this.outlets.create(actor, partnerId, dto));
  }

  @Get(':outletId')
  async get(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Param('outletId', ParseUUIDPipe) id: string,
  ): Promise<OutletDto> {
    return mapOutlet(await this.outlets.get(actor, partnerId, id));
  }

  @Patch(':outletId')
  @ApiConflictResponse({ description: 'ref already used', type: ProblemDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Param('outletId', ParseUUIDPipe) id: string,
    @Body() dto: UpdateOutletDto,
  ): Promise<OutletDto> {
    return mapOutlet(await this.outlets.update(actor, partnerId, id, dto));
  }

  @Delete(':outletId')
  @HttpCode(204)
  async remove(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Param('outletId', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.outlets.remove(actor, partnerId, id);
  }
}
