import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/decorators/auth.decorator';
import { PROBLEM_CONTENT_TYPE, problemFor, problemType } from '../common/problem/problem';
import { ProblemDto } from '../common/problem/problem.dto';
import { HealthDto } from './health.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Liveness and database reachability; 503 while the database cannot be reached. */
  @Get()
  @Public()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'Database unreachable', type: ProblemDto })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const report = await this.health.check();
    if (report.database.status === 'down') {
      reply.status(503).header('Content-Type', PROBLEM_CONTENT_TYPE).header('Cache-Control', 'no-store');
      // A problem document (its `status` is the HTTP status) that still carries the component report.
      const problem = problemFor(503, 'The database is unreachable.', {
        type: problemType('database-unavailable'),
      });
      return { ...report, ...problem } as unknown as HealthDto;
    }
    reply.header('Cache-Control', 'no-store');
    return report;
  }
}
