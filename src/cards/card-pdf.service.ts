import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { ProgrammesService } from '../programmes/programmes.service';
import { formatCardNumber } from './card-number';
import { CardTokensService } from './card-tokens.service';
import type { CardEntity } from './card.entity';
import { CardFace, CardRenderPool, CardRenderer, DEFAULT_TEMPLATE_DIR, loadCardTemplate } from './pdf';

/** Cards as PDFs: one card, a family's cards, and A4 print sheets streamed for the print shop. */
@Injectable()
export class CardPdfService implements OnModuleDestroy {
  private readonly template = loadCardTemplate(DEFAULT_TEMPLATE_DIR);
  /** Print sheets: one streamed document, rendered here. */
  private readonly renderer = new CardRenderer(this.template);
  /** Single cards and family PDFs: on worker threads, started on first use, so the event loop stays free. */
  private pool: CardRenderPool | null = null;
  private readonly programmeCache = new Map<string, { programme: ProgrammeEntity; at: number }>();

  constructor(
    private readonly tokens: CardTokensService,
    private readonly programmes: ProgrammesService,
  ) {}

  async cards(cards: CardEntity[], language?: string): Promise<Buffer> {
    const faces = await Promise.all(cards.map((card) => this.face(card, language)));
    this.pool ??= new CardRenderPool(this.template, Math.min(4, availableParallelism()));
    return this.pool.renderCards(faces);
  }

  async printSheets(cards: AsyncIterable<CardEntity>, out: NodeJS.WritableStream) {
    return this.renderer.streamPrintSheets(this.faces(cards), out);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.close();
  }

  private async *faces(cards: AsyncIterable<CardEntity>): AsyncGenerator<CardFace> {
    for await (const card of cards) yield await this.face(card);
  }

  private async face(card: CardEntity, language?: string): Promise<CardFace> {
    const programme = await this.programmeOf(card.programmeId);
    return {
      programmeName: programme.name,
      holderName: card.holderName,
      cardNumber: formatCardNumber(card.number),
      role: card.role,
      validUntil: card.validUntil,
      qrText: await this.tokens.qrText(card, programme),
      language: language && programme.languages.includes(language) ? language : programme.languages[0],
    };
  }

  /** Programmes change rarely and a print run asks for the same one 100,000 times: kept for a minute. */
  private async programmeOf(id: string): Promise<ProgrammeEntity> {
    const cached = this.programmeCache.get(id);
    if (cached && Date.now() - cached.at < 60_000) return cached.programme;
    const programme = await this.programmes.get(id);
    this.programmeCache.set(id, { programme, at: Date.now() });
    return programme;
  }
}
