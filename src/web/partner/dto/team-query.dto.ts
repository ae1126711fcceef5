import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../dto/page-query.dto';

export class TeamQueryDto extends PageQueryDto {
  /** Set by the redirect after a change: the page says what was done. */
  @IsOptional()
  @IsIn(['disabled', 'enabled'], { message: 'notice must be disabled or enabled' })
  notice?: 'disabled' | 'enabled';
}
