import { Controller, Headers, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../auth/actor';
import { MERCHANT_ROLES } from '../../auth/roles';
import { CurrentActor } from '../../common/decorators/current-actor.decorator';
import { ProblemException } from '../../common/problem/problem.exception';
import { StatisticsService } from '../../validations/statistics/statistics.service';
import type { FieldErrors } from '../page-forms';
import { sendPage } from '../page-reply';
import { AccountPageRoute } from '../page-route.decorator';
import { StatsQueryDto } from './dto/stats-query.dto';
import { StatsPage } from './stats-page';
import { PartnerTeamPages } from './team-common';
import { type PeriodField, readPeriodForm } from './team-forms';
import { PageCsp } from '../page-csp';

/** The service's field errors about the period (`from` after `to`, more than 366 days) as the form's. */
function periodProblem(error: unknown): FieldErrors<PeriodField> | null {
  if (!(error instanceof ProblemException) || error.problem.status !== 400) return null;
  const errors: FieldErrors<PeriodField> = {};
  for (const e of error.problem.errors ?? [])
    if (e.field === 'from' || e.field === 'to')
      errors[e.field] = e.field === 'to' ? 'periodLong' : 'fromAfterTo';
  return Object.keys(errors).length ? errors : null;
}

/**
 * The partner's statistics at /partner/statistics for the owner and cashiers: a GET form with the period (dates
 * are not personal data), the charts with their tables, and the CSV link. The numbers come from
 * StatisticsService, as GET /api/v1/partners/{id}/statistics's do, which keeps a merchant to its own partner.
 */
@ApiTags('web')
@Controller('partner/statistics')
export class StatsPageController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly pages: PartnerTeamPages,
    private readonly page: StatsPage,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute(
    '',
    "The partner's checks and redemptions per day, offer and outlet, as charts and tables",
    [...MERCHANT_ROLES],
    { 400: 'The period form with the errors at its fields' },
  )
  async show(
    @CurrentActor() actor: Actor,
    @Query() query: StatsQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const s = await this.pages.state(actor, query.lang, acceptLanguage);
    const { form, errors } = readPeriodForm(query);
    const again = (found: FieldErrors<PeriodField>) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        400,
        this.page.render({ ...s, period: { form, errors: found }, report: null }),
      );
    if (Object.keys(errors).length > 0) return again(errors);
    try {
      const report = await this.statistics.report(actor, s.partnerId, {
        from: form.from || undefined,
        to: form.to || undefined,
        language: s.language,
      });
      const shown = { from: report.from, to: report.to };
      sendPage(
        reply,
        this.pageCsp.strict,
        200,
        this.page.render({ ...s, period: { form: shown, errors: {} }, report }),
      );
    } catch (error) {
      const found = periodProblem(error);
      if (!found) throw error;
      return again(found);
    }
  }
}
