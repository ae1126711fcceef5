import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from './page-query.dto';

export class ApplyStepQueryDto extends PageQueryDto {
  /** Set by the redirect after a step was saved: the page says so. */
  @IsOptional()
  @IsIn(['1'], { message: 'saved must be 1' })
  saved?: string;
}
