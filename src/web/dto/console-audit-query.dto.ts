import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CURSOR_MESSAGE } from '../../common/keyset-cursor';
import { PageQueryDto } from './page-query.dto';

/** The audit viewer's GET form: filters as the API takes them (their fields' maxlength keeps them in bounds). */
export class ConsoleAuditQueryDto extends PageQueryDto {
  /** Exact action name, e.g. `application.approve`. */
  @IsOptional()
  @MaxLength(64)
  @IsString()
  action?: string;

  /** e.g. `application`, `card`, `user`. */
  @IsOptional()
  @MaxLength(32)
  @IsString()
  entityType?: string;

  /** The user or API key id. */
  @IsOptional()
  @MaxLength(64)
  @IsString()
  actorId?: string;

  /** The link to the next page: the id of the last entry shown. */
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: CURSOR_MESSAGE })
  cursor?: string;
}
