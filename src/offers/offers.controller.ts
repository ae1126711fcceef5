import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { MERCHANT_ROLES } from '../auth/roles';
import { Auth } from '../common/decorators/auth.decorator';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { PARTNER_READERS, PARTNER_STAFF } from '../partners/partner-access';
import { CreateOfferDto, OfferActionDto, UpdateOfferDto } from './dto/offer-input.dto';
import { mapOffer, OfferDto, OfferPageDto, OfferQueryDto } from './dto/offer.dto';
import type { OfferAction } from './offer-state';
import { OffersService } from './offers.service';

/** Staff who read partners, and the partner's own accounts (which the service holds to their partner). */
const READERS = [...PARTNER_READERS, ...MERCHANT_ROLES];
/** Partner staff, and the partner's owner; cashiers only read. */
const WRITERS = [...PARTNER_STAFF, 'merchant_owner' as const];
const OFFER = 'partners/:partnerId/offers/:offerId';

/** A step in the offer's life: 200 with the offer, 404 unknown (or another partner's), 409 not allowed now. */
const OfferStep = (roles: typeof WRITERS | typeof PARTNER_STAFF) =>
  applyDecorators(
    HttpCode(200),
    Auth({ roles: [...roles] }),
    ApiNotFoundResponse({ type: ProblemDto }),
    ApiConflictResponse({
      description: 'Not allowed in the offer’s status (illegal-offer-transition) or partner not approved',
      type: ProblemDto,
    }),
  );

@ApiTags('offers')
@ApiBadRequestResponse({ description: 'Invalid input', type: ProblemDto })
@Controller()
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  /** Staff: offers across partners waiting for a decision (status pending_approval unless given), oldest first. */
  @Get('offers')
  @Auth({ roles: [...PARTNER_READERS] })
  async queue(@Query() query: OfferQueryDto): Promise<OfferPageDto> {
    const { items, total } = await this.offers.queue(query);
    return { items: items.map(mapOffer), total, limit: query.limit, offset: query.offset };
  }

  /** A partner's offers, newest first. */
  @Get('partners/:partnerId/offers')
  @Auth({ roles: READERS })
  @ApiNotFoundResponse({ type: ProblemDto })
  async list(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Query() query: OfferQueryDto,
  ): Promise<OfferPageDto> {
    const { items, total } = await this.offers.list(actor, partnerId, query);
    return { items: items.map(mapOffer), total, limit: query.limit, offset: query.offset };
  }

  /** A new offer, as a draft: submit it for approval when ready. */
  @Post('partners/:partnerId/offers')
  @Auth({ roles: WRITERS })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({
    description: 'ref already used by another offer (offer-ref-taken)',
    type: ProblemDto,
  })
  async create(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Body() dto: CreateOfferDto,
  ): Promise<OfferDto> {
    return mapOffer(await this.offers.create(actor, partnerId, dto));
  }

  @Get(OFFER)
  @Auth({ roles: READERS })
  @ApiNotFoundResponse({ type: ProblemDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Param('offerId', ParseUUIDPipe) offerId: string,
  ): Promise<OfferDto> {
    return mapOffer(await this.offers.get(actor, partnerId, offerId));
  }

  /** Edits; a merchant's edit of a published offer goes back for approval when the programme says so. */
  @Patch(OFFER)
  @Auth({ roles: WRITERS })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ description: 'The offer has ended, or ref already used', type: ProblemDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Param('offerId', ParseUUIDPipe) offerId: string,
    @Body() dto: UpdateOfferDto,
  ): Promise<OfferDto> {
    return mapOffer(await this.offers.update(actor, partnerId, offerId, dto));
  }

  /** draft → pending_approval. */
  @Post(`${OFFER}/submit`)
  @OfferStep(WRITERS)
  submit(
    @CurrentActor() a: Actor,
    @Param('partnerId', ParseUUIDPipe) p: string,
    @Param('offerId', ParseUUIDPipe) o: string,
    @Body() dto: OfferActionDto,
  ): Promise<OfferDto> {
    return this.act(a, p, o, 'submit', dto);
  }

  /** Partner staff: pending_approval (or draft) → published; the partner must be approved. */
  @Post(`${OFFER}/approve`)
  @OfferStep(PARTNER_STAFF)
  approve(
    @CurrentActor() a: Actor,
    @Param('partnerId', ParseUUIDPipe) p: string,
    @Param('offerId', ParseUUIDPipe) o: string,
    @Body() dto: OfferActionDto,
  ): Promise<OfferDto> {
    return this.act(a, p, o, 'approve', dto);
  }

  /** Partner staff: pending_approval → draft, with a reason the partner reads. */
  @Post(`${OFFER}/reject`)
  @OfferStep(PARTNER_STAFF)
  reject(
    @CurrentActor() a: Actor,
    @Param('partnerId', ParseUUIDPipe) p: string,
    @Param('offerId', ParseUUIDPipe) o: string,
    @Body() dto: OfferActionDto,
  ): Promise<OfferDto> {
    return this.act(a, p, o, 'reject', dto);
  }

  /** published → paused: out of the catalogue for a while. */
  @Post(`${OFFER}/pause`)
  @OfferStep(WRITERS)
  pause(
    @CurrentActor() a: Actor,
    @Param('partnerId', ParseUUIDPipe) p: string,
    @Param('offerId', ParseUUIDPipe) o: string,
    @Body() dto: OfferActionDto,
  ): Promise<OfferDto> {
    return this.act(a, p, o, 'pause', dto);
  }

  /** paused → published; the partner must be approved. */
  @Post(`${OFFER}/resume`)
  @OfferStep(WRITERS)
  resume(
    @CurrentActor() a: Actor,
    @Param('partnerId', ParseUUIDPipe) p: string,
    @Param('offerId', ParseUUIDPipe) o: string,
    @Body() dto: OfferActionDto,
  ): Promise<OfferDto> {
    return this.act(a, p, o, 'resume', dto);
  }

  /** Any state but ended → ended, for good. */
  @Post(`${OFFER}/end`)
  @OfferStep(WRITERS)
  end(
    @CurrentActor() a: Actor,
    @Param('partnerId', ParseUUIDPipe) p: string,
    @Param('offerId', ParseUUIDPipe) o: string,
    @Body() dto: OfferActionDto,
  ): Promise<OfferDto> {
    return this.act(a, p, o, 'end', dto);
  }

  private async act(
    actor: Actor,
    partnerId: string,
    offerId: string,
    action: OfferAction,
    dto: OfferActionDto,
  ): Promise<OfferDto> {
    return mapOffer(await this.offers.act(actor, partnerId, offerId, action, dto.reason));
  }
}
