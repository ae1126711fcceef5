import {
  Body,
  Controller,
  Header,
  Headers,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../../auth/actor';
import type { Role } from '../../../auth/roles';
import { Auth } from '../../../common/decorators/auth.decorator';
import { CurrentActor } from '../../../common/decorators/current-actor.decorator';
import { pickLanguage } from '../../../common/language';
import { ProblemDto } from '../../../common/problem/problem.dto';
import { ProblemException } from '../../../common/problem/problem.exception';
import { ProgrammesService } from '../../../programmes/programmes.service';
import type { ListUsersDto } from '../../../users/dto/list-users.dto';
import type { UserEntity } from '../../../users/user.entity';
import { UsersService } from '../../../users/users.service';
import { PageQueryDto } from '../../dto/page-query.dto';
import { PageCsrf } from '../../page-csrf';
import { field } from '../../page-forms';
import { seeOther, sendPage } from '../../page-reply';
import { AccountPageRoute, FormRoute } from '../../page-route.decorator';
import { PageSignInFilter } from '../../page-sign-in.filter';
import { siteHref } from '../../site-layout';
import type { ConsolePageState } from '../console-nav';
import { NewUserField, readNewUserForm, readUserActionForm } from './console-users-form';
import { ConsoleUsersPage } from './console-users-page';
import { ConsoleUserQueryDto, ConsoleUsersQueryDto } from './dto/console-users-query.dto';
import { PageCsp } from '../../page-csp';

/** Who may read the accounts, and who may change them: as GET and PATCH /api/v1/users. */
export const USER_READERS: Role[] = ['admin', 'auditor'];
export const USER_ADMINS: Role[] = ['admin'];
const PAGE_SIZE = 50;
const HTML = { 'text/html': { schema: { type: 'string' } } };

/**
 * Staff and merchant accounts at /console/users (filtered by kind, role and status), one account with the
 * changes PATCH /api/v1/users/{id} makes (role, disable, enable, unlock), and a new staff account whose first
 * password the service generates. Everything goes through UsersService, which checks the last-admin rule and
 * writes the audit log.
 */
@ApiTags('web')
@Controller('console/users')
export class ConsoleUsersPageController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly users: UsersService,
    private readonly page: ConsoleUsersPage,
    private readonly csrf: PageCsrf,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute('', 'Staff and merchant accounts, filtered by kind, role and status', USER_READERS)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ConsoleUsersQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const state = await this.state(actor, query.lang, acceptLanguage);
    // A merchant role names its kind; without either, staff accounts are listed (family accounts never).
    const role = query.role || undefined;
    const kind = role ? undefined : query.kind || 'staff';
    const offset = query.offset ?? 0;
    const { items, total } = await this.users.list({
      kind,
      role,
      disabled: query.status ? query.status === 'disabled' : undefined,
      offset,
      limit: PAGE_SIZE,
    } as ListUsersDto);
    const filters = { kind: query.kind ?? '', role: query.role ?? '', status: query.status ?? '' };
    sendPage(
      reply,
      this.pageCsp.strict,
      200,
      this.page.list({ ...state, filters, items, total, offset, limit: PAGE_SIZE, canEdit: isAdmin(actor) }),
    );
  }

  @AccountPageRoute('new', 'The new staff account form', USER_ADMINS)
  async newForm(
    @CurrentActor() actor: Actor,
    @Query() query: PageQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const state = await this.state(actor, query.lang, acceptLanguage);
    sendPage(reply, this.pageCsp.strict, 200, this.page.newForm({ ...state, form: {}, errors: {} }));
  }

  /**
   * Creates a staff account with a generated first password, and answers the page that shows it: the one
   * form here that is not followed by a redirect, because the password must be neither kept on the server
   * nor put in a URL. Reloading the page posts again and is refused (the e-mail is then taken).
   */
  @Post('new')
  @HttpCode(201)
  @Auth({ roles: USER_ADMINS })
  @UseFilters(PageSignInFilter)
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ schema: { type: 'object', additionalProperties: { type: 'string' } } })
  @ApiResponse({ status: 201, description: 'Created: the first password, shown once', content: HTML })
  @ApiResponse({ status: 400, description: 'The form again, with errors at its fields', content: HTML })
  @ApiResponse({ status: 409, description: 'The form again: the e-mail is in use', content: HTML })
  @ApiTooManyRequestsResponse({ type: ProblemDto })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const state = await this.state(actor, field(body, 'lang') || undefined, acceptLanguage);
    const { form, errors } = readNewUserForm(body);
    const again = (status: number, found: Partial<Record<NewUserField, string>>) =>
      sendPage(reply, this.pageCsp.strict, status, this.page.newForm({ ...state, form, errors: found }));
    if (Object.keys(errors).length) return again(400, errors);
    try {
      const { user, initialPassword } = await this.users.createStaff(actor, {
        displayName: form.displayName,
        email: form.email,
        role: form.role as 'admin',
      });
      sendPage(
        reply,
        this.pageCsp.strict,
        201,
        this.page.created({ ...state, user, password: initialPassword! }),
      );
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      if (error.problem.status === 409) return again(409, { email: 'emailTaken' });
      if (error.problem.status === 400) return again(400, { email: 'emailInvalid' });
      throw error;
    }
  }

  @AccountPageRoute(':id', 'One account, with the changes an admin may make', USER_READERS)
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ConsoleUserQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const state = await this.state(actor, query.lang, acceptLanguage);
    const user = await this.listed(id);
    sendPage(
      reply,
      this.pageCsp.strict,
      200,
      this.page.account({ ...state, user, canEdit: isAdmin(actor), notice: query.notice ?? null }),
    );
  }

  /** One change: `action` role (with `role`), disable, enable or unlock. */
  @HttpCode(303)
  @FormRoute(':id', 'Changed: the account page, saying so', {
    400: 'The account page, with the error at the form’s field',
    409: 'The account page: the last active admin cannot lose that role',
  })
  @Auth({ roles: USER_ADMINS })
  async change(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const state = await this.state(actor, field(body, 'lang') || undefined, acceptLanguage);
    const user = await this.listed(id);
    const { form, errors, action, update } = readUserActionForm(body);
    const again = (status: number, found: typeof errors) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        status,
        this.page.account({
          ...state,
          user,
          canEdit: true,
          notice: null,
          refused: { errors: found, role: form.role },
        }),
      );
    if (!action || !update) return again(400, errors);
    try {
      await this.users.update(actor, id, update);
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      if (error.problem.status === 409) return again(409, { action: 'lastAdmin' });
      if (error.problem.status === 400) return again(400, { role: 'roleMissing' });
      throw error;
    }
    seeOther(reply, siteHref(`/console/users/${id}`, { notice: action, lang: state.language }));
  }

  private async state(
    actor: Actor,
    lang: string | undefined,
    acceptLanguage?: string,
  ): Promise<ConsolePageState> {
    const programme = await this.programmes.default();
    return {
      programme,
      language: pickLanguage(lang, acceptLanguage, this.page.texts.languagesFor(programme)),
      csrf: this.csrf.forSession(actor),
      role: actor.role,
    };
  }

  /** A staff or merchant account; family accounts are not managed here (404, as for no account). */
  private async listed(id: string): Promise<UserEntity> {
    const user = await this.users.get(id);
    if (user.kind === 'family') throw new NotFoundException(`No staff or merchant account with id ${id}`);
    return user;
  }
}

const isAdmin = (actor: Actor): boolean => actor.role === 'admin';
