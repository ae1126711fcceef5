import { Controller, Headers, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { FAMILY_READERS } from '../../../auth/roles';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../../auth/actor';
import { CardsService } from '../../../cards/cards.service';
import { CurrentActor } from '../../../common/decorators/current-actor.decorator';
import { pickLanguage } from '../../../common/language';
import { ProgrammesService } from '../../../programmes/programmes.service';
import { PageQueryDto } from '../../dto/page-query.dto';
import { PageCsrf } from '../../page-csrf';
import { sendPage } from '../../page-reply';
import { AccountPageRoute } from '../../page-route.decorator';
import { ConsoleFamiliesPage } from './console-families-page';
import { ConsoleFamilyView } from './console-family-view.service';
import { PageCsp } from '../../page-csp';

/** A card at /console/cards/{id}: its facts and its history, read-only (cards change on the family page). */
@ApiTags('web')
@Controller('console/cards')
export class ConsoleCardsPageController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly view: ConsoleFamilyView,
    private readonly cards: CardsService,
    private readonly page: ConsoleFamiliesPage,
    private readonly csrf: PageCsrf,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute(':id', 'A card with its history', FAMILY_READERS)
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const programme = await this.programmes.default();
    const { card, history } = await this.view.card(actor, id);
    const replacedBy = card.replacedById ? await this.cards.getForActor(actor, card.replacedById) : null;
    const html = this.page.card({
      programme,
      language: pickLanguage(query.lang, acceptLanguage, this.page.texts.languagesFor(programme)),
      csrf: this.csrf.forSession(actor),
      role: actor.role,
      card,
      replacedBy,
      history,
    });
    sendPage(reply, this.pageCsp.strict, 200, html);
  }
}
