import { IsIn, IsOptional, Matches } from 'class-validator';
import { CURSOR_MESSAGE } from '../../../common/keyset-cursor';
import { PageQueryDto } from '../../dto/page-query.dto';

export class ConsoleReviewQueryDto extends PageQueryDto {
  /** The queue's next page: the link the previous page gave. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: CURSOR_MESSAGE })
  cursor?: string;

  /** Set by the redirect after a decision: the page says it was recorded. */
  @IsOptional()
  @IsIn(['decided'], { message: 'notice must be decided' })
  notice?: 'decided';
}
