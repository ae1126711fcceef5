import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../dto/page-query.dto';

/** What a portal page says after a form has done its work (post/redirect/get). */
export const PORTAL_NOTICES = [
  'registered',
  'saved',
  'logo',
  'created',
  'removed',
  'submitted',
  'paused',
  'resumed',
  'ended',
] as const;
export type PortalNotice = (typeof PORTAL_NOTICES)[number];

export class PortalQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(PORTAL_NOTICES, { message: `notice must be one of: ${PORTAL_NOTICES.join(', ')}` })
  notice?: PortalNotice;
}
