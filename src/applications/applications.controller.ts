import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { Auth, RateLimit } from '../common/decorators/auth.decorator';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { APPLICATION_READERS, CASE_STAFF } from './application-access';
import { ApplicationWorkflowService } from './application-workflow.service';
import { ApplicationViewService, mapSummary } from './application-view.service';
import { ApplicationsService } from './applications.service';
import { NotFoundException } from '@nestjs/common';
import {
  CreateApplicationDto,
  NoteInputDto,
  TransitionDto,
  UpdateApplicationDto,
} from './dto/application-input.dto';
import { ApplicationQueryDto } from './dto/application-query.dto';
import { ApplicationDetailDto, ApplicationNoteDto, ApplicationPageDto } from './dto/application.dto';
import { ReviewQueueService } from './review-queue.service';
import { TransitionAction } from './application-state';
import { ApplicationNoteEntity } from './application-note.entity';

const READERS = [...APPLICATION_READERS, 'family' as const];
const WRITERS = [...CASE_STAFF, 'family' as const];
const ACTIONS: Record<string, TransitionAction> = {
  submit: 'submit',
  'start-review': 'start_review',
  'request-info': 'request_info',
  resubmit: 'resubmit',
  approve: 'approve',
  reject: 'reject',
  withdraw: 'withdraw',
};

@ApiTags('applications')
@ApiBadRequestResponse({ description: 'Invalid input', type: ProblemDto })
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly workflow: ApplicationWorkflowService,
    private readonly views: ApplicationViewService,
    private readonly queue: ReviewQueueService,
  ) {}

  /** Staff: the review queue, oldest first. Families: their own applications. */
  @Get()
  @Auth({ roles: READERS })
  async list(@CurrentActor() actor: Actor, @Query() query: ApplicationQueryDto): Promise<ApplicationPageDto> {
    const page = await this.queue.list(actor, query);
    return { items: page.items.map((a) => mapSummary(a)), nextCursor: page.nextCursor };
  }

  /** Starts a draft. A family applies for its own household; case workers for walk-ins and enrolled families. */
  @Post()
  @Auth({ roles: WRITERS })
  @RateLimit('selfService')
  @ApiConflictResponse({ description: 'Already enrolled or an application is open', type: ProblemDto })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateApplicationDto,
  ): Promise<ApplicationDetailDto> {
    const app = await this.applications.create(actor, dto);
    return this.views.detail(actor, app.id);
  }

  /** With the eligibility engine's decision and reasons; staff also see duplicate warnings. */
  @Get(':id')
  @Auth({ roles: READERS })
  @ApiNotFoundResponse({ type: ProblemDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ApplicationDetailDto> {
    return this.views.detail(actor, id);
  }

  @Patch(':id')
  @Auth({ roles: WRITERS })
  @RateLimit('selfService')
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ description: 'Not editable in its state', type: ProblemDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateApplicationDto,
  ): Promise<ApplicationDetailDto> {
    await this.applications.update(actor, id, dto);
    return this.views.detail(actor, id);
  }

  /**
   * One step of the workflow: submit, resubmit and withdraw by the applicant; start-review, request-info,
   * approve and reject by case workers (the last three with a reason code). A step the state does not allow is 409.
   */
  @Post(':id/:action')
  @HttpCode(200)
  @Auth({ roles: WRITERS })
  @ApiParam({ name: 'action', enum: Object.keys(ACTIONS) })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ description: 'Not allowed from the current state', type: ProblemDto })
  async transition(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('action') action: string,
    @Body() dto: TransitionDto,
  ): Promise<ApplicationDetailDto> {
    await this.workflow.transition(actor, id, actionOf(action), dto);
    return this.views.detail(actor, id);
  }

  /** Internal notes: staff only, never shown to the family. */
  @Get(':id/notes')
  @Auth({ roles: [...APPLICATION_READERS] })
  @ApiNotFoundResponse({ type: ProblemDto })
  async notes(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ApplicationNoteDto[]> {
    return (await this.workflow.notes(actor, id)).map(mapNote);
  }

  @Post(':id/notes')
  @Auth({ roles: [...CASE_STAFF] })
  @ApiNotFoundResponse({ type: ProblemDto })
  async addNote(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: NoteInputDto,
  ): Promise<ApplicationNoteDto> {
    return mapNote(await this.workflow.addNote(actor, id, dto.text));
  }
}

const mapNote = (n: ApplicationNoteEntity): ApplicationNoteDto => ({
  id: n.id,
  authorLabel: n.authorLabel,
  text: n.text,
  createdAt: n.createdAt,
});

function actionOf(segment: string): TransitionAction {
  const action = ACTIONS[segment];
  if (!action)
    throw new NotFoundException(`No action ${segment}; one of: ${Object.keys(ACTIONS).join(', ')}`);
  return action;
}
