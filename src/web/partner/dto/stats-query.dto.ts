import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../dto/page-query.dto';

/** The period form's dates, read as typed: a wrong date is shown at its field (400), not as a problem+json. */
export class StatsQueryDto extends PageQueryDto {
  /** First day, YYYY-MM-DD; blank: 29 days before `to`. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  /** Last day, included, YYYY-MM-DD; blank: today. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;
}
