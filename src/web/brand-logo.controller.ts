import { Controller, Get, Header, NotFoundException, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/decorators/auth.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { ProgrammesService } from '../programmes/programmes.service';

/**
 * The programme's logo, shown in every page's header: public like the pages. Its URL carries the start of the
 * logo's hash (programmeLogoUrl), so a versioned request may be kept by browsers for a year; a new logo is a
 * new URL.
 */
@ApiTags('web')
@Controller('branding')
export class BrandLogoController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Get('logo')
  @Public()
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiQuery({ name: 'v', required: false, description: 'The logo version, from the pages’ links' })
  @ApiOkResponse({
    description: 'The logo image',
    content: {
      'image/png': { schema: { type: 'string', format: 'binary' } },
      'image/jpeg': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiNotFoundResponse({ description: 'The programme has no logo', type: ProblemDto })
  @ApiTooManyRequestsResponse({ type: ProblemDto })
  async logo(
    @Query('v') version: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const logo = await this.programmes.defaultLogo();
    if (!logo) throw new NotFoundException('The programme has no logo');
    const current = typeof version === 'string' && logo.hash.startsWith(version) && version.length >= 16;
    reply.header('Cache-Control', current ? 'public, max-age=31536000, immutable' : 'no-cache');
    return new StreamableFile(logo.bytes, { type: logo.mediaType });
  }
}
