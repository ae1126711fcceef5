import {
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../auth/actor';
import { Auth, RateLimit } from '../../common/decorators/auth.decorator';
import { CurrentActor } from '../../common/decorators/current-actor.decorator';
import { ProblemDto } from '../../common/problem/problem.dto';
import { APPLICATION_READERS, CASE_STAFF } from '../application-access';
import { DocumentsService } from './documents.service';
import { DocumentDto, mapDocument, UploadDocumentDto } from './dto/document.dto';
import { attachmentDisposition } from './file-name';
import { DOCUMENT_MEDIA_TYPES } from './media-type';

const READERS = [...APPLICATION_READERS, 'family' as const];
const WRITERS = [...CASE_STAFF, 'family' as const];
const BINARY = { schema: { type: 'string', format: 'binary' } };

@ApiTags('documents')
@ApiNotFoundResponse({ description: 'No such application or document, or not yours', type: ProblemDto })
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /**
   * Attaches a PDF, JPEG or PNG (its type is detected from the bytes). The family while the application is a
   * draft or needs information; case workers at any open state.
   */
  @Post('applications/:id/documents')
  @Auth({ roles: WRITERS })
  @RateLimit('selfService')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadDocumentDto })
  @ApiBadRequestResponse({
    description: 'kind or file missing or invalid, or the file is empty',
    type: ProblemDto,
  })
  @ApiConflictResponse({ description: 'The application is not editable', type: ProblemDto })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than DOCUMENT_MAX_BYTES', type: ProblemDto })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a PDF, JPEG or PNG file', type: ProblemDto })
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<DocumentDto> {
    return mapDocument(await this.documents.upload(actor, id, request));
  }

  @Get('applications/:id/documents')
  @Auth({ roles: READERS })
  async list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DocumentDto[]> {
    return (await this.documents.list(actor, id)).map(mapDocument);
  }

  /** The file itself, as an attachment with the type detected at upload. Staff downloads are audited. */
  @Get('documents/:documentId')
  @Auth({ roles: READERS })
  @Header('Cache-Control', 'no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOkResponse({
    description: 'The bytes as uploaded',
    content: Object.fromEntries(DOCUMENT_MEDIA_TYPES.map((type) => [type, BINARY])),
  })
  async download(
    @CurrentActor() actor: Actor,
    @Param('documentId', ParseUUIDPipe) documentId: string,
  ): Promise<StreamableFile> {
    const { document, stream, size } = await this.documents.open(actor, documentId);
    return new StreamableFile(stream, {
      type: document.mediaType,
      disposition: attachmentDisposition(document.fileName, document.mediaType),
      length: size,
    });
  }

  /** The applicant side, while the application is a draft or needs information. */
  @Delete('documents/:documentId')
  @HttpCode(204)
  @Auth({ roles: WRITERS })
  @RateLimit('selfService')
  @ApiNoContentResponse({ description: 'Removed, file included' })
  @ApiConflictResponse({ description: 'The application is not editable', type: ProblemDto })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('documentId', ParseUUIDPipe) documentId: string,
  ): Promise<void> {
    await this.documents.remove(actor, documentId);
  }
}
