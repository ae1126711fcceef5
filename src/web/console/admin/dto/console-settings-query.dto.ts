import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../dto/page-query.dto';

export const SETTINGS_NOTICES = ['saved', 'logo', 'logoRemoved'] as const;

/** The settings page; `notice` is set by the redirect after a change. */
export class ConsoleSettingsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(SETTINGS_NOTICES, { message: `notice must be one of: ${SETTINGS_NOTICES.join(', ')}` })
  notice?: (typeof SETTINGS_NOTICES)[number];
}
