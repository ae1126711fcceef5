import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { MERCHANT_ROLES } from '../auth/roles';
import { Auth, Public, RateLimit } from '../common/decorators/auth.decorator';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { CheckListService } from './check-list.service';
import { CheckCardDto, CheckOutcomeDto } from './dto/check-card.dto';
import { CheckListDto, CheckListQueryDto } from './dto/check-list.dto';
import { CancelRedemptionDto, mapRedemption, RedeemDto, RedemptionDto } from './dto/redemption.dto';
import { RevocationListDto, RevocationQueryDto } from './dto/revocation.dto';
import { RedemptionsService } from './redemptions.service';
import { RevocationsService } from './revocations.service';
import { ValidationsService } from './validations.service';

/** Merchant users of the partner, or its till keys with the scope validations:write. */
const Till = () => Auth({ roles: [...MERCHANT_ROLES], scope: 'validations:write' });

@ApiTags('validations')
@ApiBadRequestResponse({ description: 'Invalid input', type: ProblemDto })
@Controller()
export class ValidationsController {
  constructor(
    private readonly validations: ValidationsService,
    private readonly redemptions: RedemptionsService,
    private readonly revocations: RevocationsService,
    private readonly checkList: CheckListService,
  ) {}

  /**
   * Checks a card: the scanned QR text, or a typed card number with the holder's last name. Every outcome is
   * a 200 with its `result`; the check is recorded (pseudonymously) for statistics.
   */
  @Post('validations')
  @HttpCode(200)
  @Till()
  @RateLimit('validation')
  check(@CurrentActor() actor: Actor, @Body() dto: CheckCardDto): Promise<CheckOutcomeDto> {
    return this.validations.check(actor, dto);
  }

  /**
   * This partner's checks of one day (today unless `date` says otherwise) at one of its outlets, newest first,
   * with the holder's name and a masked card number: the cashier's "today at this outlet".
   */
  @Get('validations')
  @Till()
  list(@CurrentActor() actor: Actor, @Query() query: CheckListQueryDto): Promise<CheckListDto> {
    return this.checkList.list(actor, query);
  }

  /** Records the use of an offer after a valid check; the same idempotency key twice records one use. */
  @Post('redemptions')
  @Till()
  @RateLimit('validation')
  @ApiNotFoundResponse({ description: 'No valid check with that id by this partner', type: ProblemDto })
  @ApiConflictResponse({
    description: 'Limit reached, offer not available, card no longer valid',
    type: ProblemDto,
  })
  async redeem(
    @CurrentActor() actor: Actor,
    @Body() dto: RedeemDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RedemptionDto> {
    const { redemption, remainingUses, replay } = await this.redemptions.redeem(actor, dto);
    if (replay) reply.status(200);
    return { ...mapRedemption(redemption), ...(replay ? {} : { remainingUses }) };
  }

  /** Undoes a redemption within the programme's `redemptionCancelMinutes`. */
  @Post('redemptions/:id/cancel')
  @HttpCode(200)
  @Till()
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ description: 'Too late to cancel', type: ProblemDto })
  async cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CancelRedemptionDto,
  ): Promise<RedemptionDto> {
    return mapRedemption(await this.redemptions.cancel(actor, id, dto.reason));
  }

  /**
   * The signed list of cards offline verifiers must refuse, whole or changed since a time
   * (docs/offline-verification.md). Public: it names card numbers and statuses only.
   */
  @Get('revocations')
  @Public()
  @Header('Cache-Control', 'public, max-age=60')
  revocationList(@Query() query: RevocationQueryDto): Promise<RevocationListDto> {
    return this.revocations.list(query.since);
  }
}
