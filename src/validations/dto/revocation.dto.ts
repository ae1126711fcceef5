import { Type } from 'class-transformer';
import { IsDate, IsOptional, MaxDate } from 'class-validator';

export class RevocationQueryDto {
  /** Only cards whose status changed after this instant (ISO 8601); without it, the whole list. */
  @IsOptional()
  @MaxDate(() => new Date(Date.now() + 60_000), { message: 'since must not be in the future' })
  @IsDate({ message: 'since must be an ISO 8601 date and time' })
  @Type(() => Date)
  since?: Date;
}

export class RevocationListDto {
  /** The list as JSON text: { v, programme, issuedAt, since, entries: [{ number, status, at }] }. */
  payload: string;
  /** The key that signed it, in /.well-known/jwks.json. */
  kid: string;
  /** Ed25519 over the UTF-8 bytes of `payload`, base64url. */
  signature: string;
}
