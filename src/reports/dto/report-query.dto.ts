import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_WEEKS } from '../report-names';

/** Options of the reports; each report reads the ones it needs and ignores the rest. */
export class ReportQueryDto {
  /** applications: how many weeks (Monday to Sunday, the current one last). Default 12. */
  @IsOptional()
  @Type(() => Number)
  @Max(MAX_WEEKS)
  @Min(1)
  @IsInt()
  weeks?: number;

  /** partner-activity: the first day (YYYY-MM-DD, programme time zone). Default: 29 days before `to`. */
  @IsOptional()
  @MaxLength(10)
  @IsString()
  from?: string;

  /** partner-activity: the last day (YYYY-MM-DD). Default: today. At most 366 days in all. */
  @IsOptional()
  @MaxLength(10)
  @IsString()
  to?: string;

  /** `semicolon` for spreadsheets set to a language that writes decimal commas. Default `comma`. */
  @IsOptional()
  @IsIn(['comma', 'semicolon'], { message: 'delimiter must be comma or semicolon' })
  delimiter?: 'comma' | 'semicolon';
}
