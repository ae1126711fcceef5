import { UserDto } from '../../users/dto/user.dto';

export class TokenDto {
  /** Send as `Authorization: Bearer <accessToken>`. */
  accessToken: string;
  /** @example "Bearer" */
  tokenType: 'Bearer';
  /** Seconds until the access token expires. @example 900 */
  expiresIn: number;
  /** Exchange at `/api/v1/auth/refresh` for a new pair; single use. */
  refreshToken: string;
  /** Seconds until the refresh token (the session) expires. */
  refreshExpiresIn: number;
  user: UserDto;
}
