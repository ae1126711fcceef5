import { IsOptional, IsString, MaxLength } from 'class-validator';

export class RetryNotificationDto {
  /** Why the message is sent again (e.g. "address corrected"); kept in the audit log. */
  @IsOptional()
  @MaxLength(500)
  @IsString()
  note?: string;
}
