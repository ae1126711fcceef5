import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/decorators/auth.decorator';
import { problemFor, problemType } from '../common/problem/problem';
import { ProblemDto } from '../common/problem/problem.dto';
import { ProblemException } from '../common/problem/problem.exception';
import { HealthDto } from './health.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Liveness and database reachability; 503 while the database cannot be reached. */
  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'Database unreachable', type: ProblemDto })
  async check(): Promise<HealthDto> {
    const report = await this.health.check();
    if (report.database.status === 'down') {
      // A problem document like every other error (its `status` is the HTTP status) that keeps the report.
      throw new ProblemException({
        ...report,
        ...problemFor(503, 'The database is unreachable.', { type: problemType('database-unavailable') }),
      });
    }
    return report;
  }
}
