import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { MERCHANT_ROLES } from '../auth/roles';
import { Auth, Public, RateLimit } from '../common/decorators/auth.decorator';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { mapUser } from '../users/dto/user.dto';
import { PartnerActionDto, RegisterPartnerDto, UpdatePartnerDto } from './dto/partner-input.dto';
import {
  mapPartner,
  PartnerDto,
  PartnerPageDto,
  PartnerQueryDto,
  RegisteredPartnerDto,
} from './dto/partner.dto';
import { PARTNER_READERS, PARTNER_STAFF } from './partner-access';
import type { PartnerAction } from './partner-status';
import { PartnersService } from './partners.service';

/** A partner manager's decision: 200 with the partner, 404 unknown, 409 not allowed from its status. */
const PartnerDecision = () =>
  applyDecorators(
    HttpCode(200),
    Auth({ roles: [...PARTNER_STAFF] }),
    ApiNotFoundResponse({ type: ProblemDto }),
    ApiConflictResponse({ description: 'Not allowed in the partner’s current status', type: ProblemDto }),
  );

const IMAGE = {
  'image/png': { schema: { type: 'string', format: 'binary' } },
  'image/jpeg': { schema: { type: 'string', format: 'binary' } },
};

@ApiTags('partners')
@ApiBadRequestResponse({ description: 'Invalid input', type: ProblemDto })
@Controller('partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  /** A business registers itself and its owner account; it appears publicly once a partner manager approves it. */
  @Post('register')
  @Public()
  @RateLimit('selfService')
  @ApiConflictResponse({ description: 'Tax number or e-mail already registered', type: ProblemDto })
  async register(
    @CurrentActor() actor: Actor,
    @Body() dto: RegisterPartnerDto,
  ): Promise<RegisteredPartnerDto> {
    const { partner, owner } = await this.partners.register(actor, dto);
    return { partner: mapPartner(partner), owner: mapUser(owner) };
  }

  /** Staff: every partner, newest first, by status or by name / tax number. */
  @Get()
  @Auth({ roles: [...PARTNER_READERS] })
  async list(@Query() query: PartnerQueryDto): Promise<PartnerPageDto> {
    const { items, total } = await this.partners.list(query);
    return { items: items.map(mapPartner), total, limit: query.limit, offset: query.offset };
  }

  /** A merchant's own partner. */
  @Get('mine')
  @Auth({ roles: [...MERCHANT_ROLES] })
  async mine(@CurrentActor() actor: Actor): Promise<PartnerDto> {
    return mapPartner(await this.partners.mine(actor));
  }

  @Get(':partnerId')
  @Auth()
  @ApiNotFoundResponse({ type: ProblemDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) id: string,
  ): Promise<PartnerDto> {
    return mapPartner(await this.partners.get(actor, id));
  }

  /** The owner or partner staff edit the profile; every change is audited. */
  @Patch(':partnerId')
  @Auth()
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ description: 'Tax number already registered', type: ProblemDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePartnerDto,
  ): Promise<PartnerDto> {
    return mapPartner(await this.partners.update(actor, id, dto));
  }

  /** Partner managers: approve a pending (or earlier rejected) partner; it appears in the catalogue. */
  @Post(':partnerId/approve')
  @PartnerDecision()
  approve(
    @CurrentActor() a: Actor,
    @Param('partnerId', ParseUUIDPipe) id: string,
    @Body() dto: PartnerActionDto,
  ) {
    return this.act(a, id, 'approve', dto);
  }

  /** Partner managers: reject a registration, with a reason the business reads. */
  @Post(':partnerId/reject')
  @PartnerDecision()
  reject(
    @CurrentActor() a: Actor,
    @Param('partnerId', ParseUUIDPipe) id: string,
    @Body() dto: PartnerActionDto,
  ) {
    return this.act(a, id, 'reject', dto);
  }

  /** Partner managers: take an approved partner out of the catalogue for a while, with a reason. */
  @Post(':partnerId/suspend')
  @PartnerDecision()
  suspend(
    @CurrentActor() a: Actor,
    @Param('partnerId', ParseUUIDPipe) id: string,
    @Body() dto: PartnerActionDto,
  ) {
    return this.act(a, id, 'suspend', dto);
  }

  @Post(':partnerId/reinstate')
  @PartnerDecision()
  reinstate(
    @CurrentActor() a: Actor,
    @Param('partnerId', ParseUUIDPipe) id: string,
    @Body() dto: PartnerActionDto,
  ) {
    return this.act(a, id, 'reinstate', dto);
  }

  /** Partner managers: end the partnership (reason): its offers end, its keys are revoked, its accounts disabled. */
  @Post(':partnerId/end')
  @PartnerDecision()
  end(
    @CurrentActor() a: Actor,
    @Param('partnerId', ParseUUIDPipe) id: string,
    @Body() dto: PartnerActionDto,
  ) {
    return this.act(a, id, 'end', dto);
  }

  /** The logo as the body (Content-Type image/png or image/jpeg, at most 512 KB, at most 4096 px a side). */
  @Put(':partnerId/logo')
  @Auth()
  @ApiConsumes('image/png', 'image/jpeg')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDto })
  async setLogo(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<PartnerDto> {
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    return mapPartner(await this.partners.setLogo(actor, id, body));
  }

  @Get(':partnerId/logo')
  @Auth()
  @ApiOkResponse({ content: IMAGE })
  @Header('Cache-Control', 'private, max-age=300')
  @ApiNotFoundResponse({ type: ProblemDto })
  async logo(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) id: string,
  ): Promise<StreamableFile> {
    const logo = await this.partners.logo(actor, id);
    return new StreamableFile(logo.bytes, { type: logo.mediaType });
  }

  private async act(
    actor: Actor,
    id: string,
    action: PartnerAction,
    dto: PartnerActionDto,
  ): Promise<PartnerDto> {
    return mapPartner(await this.partners.act(actor, id, action, dto.reason));
  }
}
