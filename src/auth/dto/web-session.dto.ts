import { UserDto } from '../../users/dto/user.dto';

/** A web session: the cookie holds it; pages send `csrfToken` with every change (X-CSRF-Token or `_csrf`). */
export class WebSessionDto {
  user: UserDto;
  csrfToken: string;
  expiresAt: Date;
}
