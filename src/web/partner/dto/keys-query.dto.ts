import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../dto/page-query.dto';

export class KeysQueryDto extends PageQueryDto {
  /** Set by the redirect after a revocation: the page says so. */
  @IsOptional()
  @IsIn(['revoked'], { message: 'notice must be revoked' })
  notice?: 'revoked';
}
