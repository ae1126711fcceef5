import { Body, Controller, Headers, HttpCode, Query, Req, Res } from '@nestjs/common';
import { isMalformedMultipart } from '../../../common/problem/multipart-errors';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../auth/actor';
import type { Role } from '../../../auth/roles';
import { Auth } from '../../../common/decorators/auth.decorator';
import { CurrentActor } from '../../../common/decorators/current-actor.decorator';
import { pickLanguage } from '../../../common/language';
import { ProblemException } from '../../../common/problem/problem.exception';
import { MAX_LOGO_BYTES } from '../../../partners/logo-image';
import { ProgrammesService } from '../../../programmes/programmes.service';
import { PageCsrf } from '../../page-csrf';
import { field } from '../../page-forms';
import { seeOther, sendPage } from '../../page-reply';
import { AccountPageRoute, FormRoute } from '../../page-route.decorator';
import { siteHref } from '../../site-layout';
import { checkSettings, readSettingsForm, settingsErrorsOf, settingsFormOf } from './console-settings-form';
import { ConsoleSettingsPage, SettingsState } from './console-settings-page';
import { ConsoleSettingsQueryDto } from './dto/console-settings-query.dto';
import { PageCsp } from '../../page-csp';

/** Who reads the settings and who changes them: as GET and PATCH /api/v1/programmes/{id}. */
export const SETTINGS_READERS: Role[] = ['admin', 'auditor'];
const SETTINGS_ADMINS: Role[] = ['admin'];

/**
 * The programme settings editor at /console/settings, for the default programme. Saving goes through
 * ProgrammesService.update, as PATCH /api/v1/programmes/{id} does (checked by the same DTO, audited with each
 * changed setting); the logo goes through ProgrammesService.setLogo, which checks the bytes.
 */
@ApiTags('web')
@Controller('console/settings')
export class ConsoleSettingsPageController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly page: ConsoleSettingsPage,
    private readonly csrf: PageCsrf,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute('', 'The programme settings: admins edit them, auditors read them', SETTINGS_READERS)
  async show(
    @CurrentActor() actor: Actor,
    @Query() query: ConsoleSettingsQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const s = await this.state(actor, query.lang, acceptLanguage);
    sendPage(reply, this.pageCsp.strict, 200, this.page.render({ ...s, notice: query.notice ?? null }));
  }

  @HttpCode(303)
  @FormRoute('', 'Saved: the settings page, saying so', {
    400: 'The settings page, with errors at the fields and nothing saved',
  })
  @Auth({ roles: SETTINGS_ADMINS })
  async save(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const s = await this.state(actor, field(body, 'lang') || undefined, acceptLanguage);
    const { form, update } = readSettingsForm(body);
    const again = (errors: Record<string, string>) =>
      sendPage(reply, this.pageCsp.strict, 400, this.page.render({ ...s, form, errors }));
    const { dto, errors } = await checkSettings(update);
    if (Object.keys(errors).length) return again(errors);
    try {
      await this.programmes.update(actor, s.programme.id, dto);
    } catch (error) {
      if (!(error instanceof ProblemException) || error.problem.status !== 400) throw error;
      return again(settingsErrorsOf(error.problem.errors ?? []));
    }
    seeOther(reply, siteHref('/console/settings', { notice: 'saved', lang: s.language }));
  }

  /** multipart/form-data with the file `logo`; the CSRF token and language come in the form's action URL. */
  @HttpCode(303)
  @FormRoute(
    'logo',
    'Uploaded: the settings page, saying so',
    { 400: 'The settings page: no file, or not a PNG or JPEG logo within the limits' },
    'multipart/form-data',
  )
  @Auth({ roles: SETTINGS_ADMINS })
  async uploadLogo(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const s = await this.state(actor, field(request.query, 'lang') || undefined, acceptLanguage);
    const bytes = await readLogoPart(request);
    try {
      if (!bytes) throw ProblemException.validation([{ field: 'logo', message: 'logo is required' }]);
      await this.programmes.setLogo(actor, s.programme.id, bytes);
    } catch (error) {
      if (!(error instanceof ProblemException) || error.problem.status !== 400) throw error;
      const logoError = bytes ? 'logoInvalid' : 'logoMissing';
      return sendPage(reply, this.pageCsp.strict, 400, this.page.render({ ...s, logoError }));
    }
    seeOther(reply, siteHref('/console/settings', { notice: 'logo', lang: s.language }));
  }

  @HttpCode(303)
  @FormRoute('logo/remove', 'Removed: the settings page, saying so', {})
  @Auth({ roles: SETTINGS_ADMINS })
  async removeLogo(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const programme = await this.programmes.default();
    await this.programmes.removeLogo(actor, programme.id);
    seeOther(
      reply,
      siteHref('/console/settings', { notice: 'logoRemoved', lang: field(body, 'lang') || null }),
    );
  }

  private async state(
    actor: Actor,
    lang: string | undefined,
    acceptLanguage?: string,
  ): Promise<Omit<SettingsState, 'notice'> & { notice: null }> {
    const programme = await this.programmes.default();
    return {
      programme,
      language: pickLanguage(lang, acceptLanguage, this.page.texts.languagesFor(programme)),
      csrf: this.csrf.forSession(actor),
      role: actor.role,
      form: settingsFormOf(programme),
      errors: {},
      canEdit: actor.role === 'admin',
      notice: null,
    };
  }
}

/**
 * The bytes of the `logo` file part, or null when the form had none. A file over the logo limit is cut off
 * by reading (at most one byte more than allowed), so the service refuses it by size without buffering more.
 */
async function readLogoPart(request: FastifyRequest): Promise<Buffer | null> {
  if (!request.isMultipart()) return null;
  try {
    return await firstLogoPart(request);
  } catch (error) {
    // A body cut short or without its boundary is no file, as an empty form is.
    if (isMalformedMultipart(error)) return null;
    throw error;
  }
}

async function firstLogoPart(request: FastifyRequest): Promise<Buffer | null> {
  let bytes: Buffer | null = null;
  for await (const part of request.parts()) {
    if (part.type !== 'file') continue;
    if (part.fieldname !== 'logo' || bytes) {
      part.file.resume();
      continue;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      if (size <= MAX_LOGO_BYTES) chunks.push(chunk);
      size += chunk.length;
    }
    const whole = Buffer.concat(chunks);
    bytes = whole.length > MAX_LOGO_BYTES ? whole.subarray(0, MAX_LOGO_BYTES + 1) : whole;
    if (bytes.length === 0) bytes = null;
  }
  return bytes;
}
