import {
  Body,
  Controller,
  NotFoundException,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { Auth } from '../common/decorators/auth.decorator';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { ProblemException } from '../common/problem/problem.exception';
import { CardPdfService } from './card-pdf.service';
import { isLive } from './card-status';
import { CardTokensService } from './card-tokens.service';
import { CardWalletService } from './card-wallet.service';
import { CardsService } from './cards.service';
import { ReportLostDto, RevokeCardDto, SuspendCardDto } from './dto/card-action.dto';
import { CardQueryDto } from './dto/card-query.dto';
import { CardDetailDto, CardDto, CardPageDto, mapCard, mapCardEvent } from './dto/card.dto';
import { WalletDto } from './dto/wallet.dto';

const READERS = ['admin', 'case_worker', 'auditor'] as const;
const HOLDERS = [...READERS, 'family'] as const;
const ACTORS = ['admin', 'case_worker'] as const;
const PDF = { 'application/pdf': { schema: { type: 'string', format: 'binary' } } };

@ApiTags('cards')
@Controller()
export class CardsController {
  constructor(
    private readonly cards: CardsService,
    private readonly tokens: CardTokensService,
    private readonly pdf: CardPdfService,
    private readonly wallets: CardWalletService,
  ) {}

  /** Search by card number or holder name (case and diacritics ignored), family and status; newest first. */
  @Get('cards')
  @Auth({ roles: [...READERS] })
  async list(@Query() query: CardQueryDto): Promise<CardPageDto> {
    const page = await this.cards.list(query);
    return { items: page.items.map(mapCard), nextCursor: page.nextCursor };
  }

  /** A card with its QR text and history; staff, or the holder's family (which sees no staff names). */
  @Get('cards/:id')
  @Auth({ roles: [...HOLDERS] })
  @Header('Cache-Control', 'no-store')
  @ApiNotFoundResponse({ type: ProblemDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CardDetailDto> {
    const card = await this.cards.getForActor(actor, id);
    const history = (await this.cards.history(card.id)).map(mapCardEvent);
    return {
      ...mapCard(card),
      qrText: isLive(card.status) ? await this.tokens.qrText(card) : null,
      signingKeyId: card.signingKeyId,
      history: actor.role === 'family' ? history.map((e) => ({ ...e, actor: null })) : history,
    };
  }

  /** The card as a PDF (ID-1 page) in the programme's language unless `language` names another. */
  @Get('cards/:id/pdf')
  @Auth({ roles: [...HOLDERS] })
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ content: PDF })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ description: 'The card is no longer live', type: ProblemDto })
  async pdfOf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('language') language?: string,
  ): Promise<StreamableFile> {
    const card = await this.cards.getForActor(actor, id);
    if (!isLive(card.status))
      throw ProblemException.conflict(
        'card-not-live',
        `Card ${card.number} is ${card.status}; it is not printed`,
      );
    return pdfFile(await this.pdf.cards([card], language), `card-${card.number}.pdf`);
  }

  @Post('cards/:id/suspend')
  @HttpCode(200)
  @Auth({ roles: [...ACTORS] })
  @ApiConflictResponse({ description: 'The card is not active', type: ProblemDto })
  async suspend(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SuspendCardDto,
  ): Promise<CardDto> {
    return mapCard(await this.cards.act(actor, id, 'suspend', null, dto.note));
  }

  @Post('cards/:id/resume')
  @HttpCode(200)
  @Auth({ roles: [...ACTORS] })
  @ApiConflictResponse({ description: 'The card is not suspended', type: ProblemDto })
  async resume(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SuspendCardDto,
  ): Promise<CardDto> {
    return mapCard(await this.cards.act(actor, id, 'resume', null, dto.note));
  }

  /** Ends the card for good (death, loss of parental authority, fraud…); offline verifiers learn it from the revocation list. */
  @Post('cards/:id/revoke')
  @HttpCode(200)
  @Auth({ roles: [...ACTORS] })
  @ApiConflictResponse({ description: 'The card is no longer live', type: ProblemDto })
  async revoke(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RevokeCardDto,
  ): Promise<CardDto> {
    return mapCard(await this.cards.act(actor, id, 'revoke', dto.reason, dto.note));
  }

  /** Lost or stolen: the card becomes `replaced` and the member gets a new card number; answers the new card. */
  @Post('cards/:id/report-lost')
  @HttpCode(200)
  @Auth({ roles: [...ACTORS] })
  @ApiConflictResponse({ description: 'The card is no longer live', type: ProblemDto })
  async reportLost(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReportLostDto,
  ): Promise<CardDto> {
    const { replacement } = await this.cards.reportLost(actor, id, dto.reason, dto.waiveFee ?? false);
    return mapCard(replacement);
  }

  /** The signed-in family's cards, live ones first. */
  @Get('families/mine/cards')
  @Auth({ roles: ['family'] })
  @Header('Cache-Control', 'no-store')
  async mine(@CurrentActor() actor: Actor): Promise<CardDto[]> {
    return (await this.cards.familyCardsForActor(actor, familyOf(actor))).map(mapCard);
  }

  /**
   * The signed-in family's phone wallet: every member's card with the QR text to show offline and, for an
   * active card, a live one valid for minutes (CARD_LIVE_TOKEN_SECONDS) to show while online.
   */
  @Get('families/mine/wallet')
  @Auth({ roles: ['family'] })
  @Header('Cache-Control', 'no-store')
  async wallet(@CurrentActor() actor: Actor): Promise<WalletDto> {
    return this.wallets.forFamily(actor, familyOf(actor));
  }

  /** All live cards of a family in one PDF, one ID-1 page each; staff, or the family itself. */
  @Get('families/:familyId/cards/pdf')
  @Auth({ roles: [...HOLDERS] })
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ content: PDF })
  @ApiNotFoundResponse({ type: ProblemDto })
  async familyPdf(
    @CurrentActor() actor: Actor,
    @Param('familyId', ParseUUIDPipe) familyId: string,
    @Query('language') language?: string,
  ): Promise<StreamableFile> {
    const cards = await this.cards.familyCardsForActor(actor, familyId, ['active', 'suspended']);
    if (cards.length === 0) throw new NotFoundException('The family has no live cards');
    return pdfFile(await this.pdf.cards(cards, language), `family-cards.pdf`);
  }
}

const familyOf = (actor: Actor): string => {
  if (!actor.familyId) throw new NotFoundException('Not enrolled in a family yet');
  return actor.familyId;
};

export const pdfFile = (bytes: Buffer, name: string) =>
  new StreamableFile(bytes, {
    type: 'application/pdf',
    disposition: `attachment; filename="${name}"`,
    length: bytes.length,
  });
