import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../dto/page-query.dto';
import { CARD_FORM_ACTIONS, type CardFormAction } from './console-family-forms';

export class ConsoleFamilyQueryDto extends PageQueryDto {
  /** Set by the redirect after a card change: the page says which change was recorded. */
  @IsOptional()
  @IsIn(CARD_FORM_ACTIONS, { message: `notice must be one of: ${CARD_FORM_ACTIONS.join(', ')}` })
  notice?: CardFormAction;
}
