import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Pool } from 'pg';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/database.config';
import { TransactionService } from '../database/transaction.service';
import { VALIDATION_RESULTS, ValidationResult } from '../validations/validation-result';
import { processRegistry } from './process-metrics';

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

// A till's check takes a few milliseconds: the default buckets start too coarse to see it.
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// Both backlogs are read through indexes (ix_outbox_due, ix_cards_print_queue), once per scrape.
const BACKLOG_SQL = `SELECT
  (SELECT COUNT(*) FROM outbox_messages WHERE status = 'pending') AS pending,
  (SELECT COUNT(*) FROM outbox_messages WHERE status = 'failed') AS failed,
  (SELECT COUNT(*) FROM cards WHERE status = 'active' AND print_batch_id IS NULL) AS unprinted`;

type Observe = (seconds: number) => void;

/**
 * The service's Prometheus metrics. Events are counted in memory where they happen (no query on the hot
 * path); backlogs that need the database are read when /metrics is scraped, within the health probe's timeout.
 */
@Injectable()
export class MetricsService {
  private readonly registry = new Registry();
  private readonly exposed: Registry;
  private readonly logger = new Logger('Metrics');
  private readonly timeoutMs: number;
  private readonly observers = new Map<string, Observe>();

  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status class; _count is the number of requests.',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly checks = new Counter({
    name: 'family_card_card_checks_total',
    help: 'Card checks at the till (API and merchant checker), by result.',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  private readonly publicChecks = new Counter({
    name: 'family_card_public_checks_total',
    help: 'Views of the public check page behind the printed QR code (a phone camera, not a till), by result.',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  private readonly redemptions = new Counter({
    name: 'family_card_redemptions_total',
    help: 'Uses of offers recorded and cancelled (a retried request with the same idempotency key counts once).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly jobRuns = new Counter({
    name: 'family_card_job_runs_total',
    // `name`, not `job`: Prometheus keeps `job` for the scrape job and would rename ours to exported_job.
    help: 'Scheduled job runs made by this instance, by job name and outcome.',
    labelNames: ['name', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly jobLastSuccess = new Gauge({
    name: 'family_card_job_last_success_timestamp_seconds',
    help: 'When this instance last finished each job successfully (Unix time); take the max across instances.',
    labelNames: ['name'] as const,
    registers: [this.registry],
  });

  private readonly outbox = new Gauge({
    name: 'family_card_outbox_messages',
    help: 'E-mails in the outbox still to send (pending) or given up on (failed).',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  private readonly unprinted = new Gauge({
    name: 'family_card_cards_awaiting_print',
    help: 'Active cards that no print batch has taken yet.',
    registers: [this.registry],
  });

  private readonly backlogUp = new Gauge({
    name: 'family_card_backlog_query_up',
    help: '1 when the backlog figures (outbox, print queue) were read at this scrape, 0 when the database did not answer in time.',
    registers: [this.registry],
  });

  constructor(
    private readonly dataSource: DataSource,
    tx: TransactionService,
    config: ConfigService,
  ) {
    this.timeoutMs = config.getOrThrow<DatabaseConfig>('database').healthTimeoutMs;
    // Every result shows from the start, at 0, so that rate() and alerts work before the first of its kind.
    for (const result of VALIDATION_RESULTS) {
      this.checks.inc({ result }, 0);
      this.publicChecks.inc({ result }, 0);
    }
    for (const outcome of ['recorded', 'cancelled']) this.redemptions.inc({ outcome }, 0);
    if (dataSource.options.type === 'postgres')
      this.poolGauges(dataSource.driver as unknown as { master: Pool });
    else
      new Gauge({
        name: 'family_card_sqlite_transaction_queue',
        help: 'Transactions waiting for the single SQLite connection.',
        registers: [this.registry],
        collect() {
          this.set(tx.waiting);
        },
      });
    // Merged last: the merge takes the metrics registered so far.
    this.exposed = Registry.merge([processRegistry(), this.registry]);
  }

  get contentType(): string {
    return this.exposed.contentType;
  }

  /** One request answered; `route` is the pattern (`/api/v1/cards/:id`), never the URL with its ids. */
  observeHttp(method: string, route: string | undefined, status: number, seconds: number): void {
    // Labels come from a fixed set (methods, route patterns, status classes): a client cannot add series.
    const labels = [
      HTTP_METHODS.has(method) ? method : 'OTHER',
      route ?? 'unmatched',
      `${Math.floor(status / 100)}xx`,
    ] as const;
    const key = labels.join(' ');
    let observe = this.observers.get(key);
    if (!observe) {
      const child = this.httpDuration.labels(...labels);
      observe = (s) => child.observe(s);
      this.observers.set(key, observe);
    }
    observe(seconds);
  }

  cardChecked(result: ValidationResult): void {
    this.checks.inc({ result });
  }

  publicCheckShown(result: ValidationResult): void {
    this.publicChecks.inc({ result });
  }

  redemption(outcome: 'recorded' | 'cancelled'): void {
    this.redemptions.inc({ outcome });
  }

  jobRan(job: string, outcome: 'succeeded' | 'failed'): void {
    this.jobRuns.inc({ name: job, outcome });
    if (outcome === 'succeeded') this.jobLastSuccess.set({ name: job }, Date.now() / 1000);
  }

  /** The exposition text: the process's metrics and this app's, backlogs read now. */
  async render(): Promise<string> {
    await this.readBacklogs();
    return this.exposed.metrics();
  }

  private async readBacklogs(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const [row] = (await Promise.race([
        this.backlogQuery(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timed out')), this.timeoutMs);
        }),
      ])) as { pending: string | number; failed: string | number; unprinted: string | number }[];
      this.outbox.set({ status: 'pending' }, Number(row.pending));
      this.outbox.set({ status: 'failed' }, Number(row.failed));
      this.unprinted.set(Number(row.unprinted));
      this.backlogUp.set(1);
    } catch (error) {
      // Stale figures, or a 0, would look healthy: drop them (NaN where a series cannot be dropped) and say so.
      this.outbox.reset();
      this.unprinted.set(NaN);
      this.backlogUp.set(0);
      this.logger.warn(`backlog figures unavailable: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private backlogQuery(): Promise<unknown> {
    if (this.dataSource.options.type !== 'postgres') return this.dataSource.query(BACKLOG_SQL);
    // The server gives up too, so that a slow count does not hold a pooled connection after the scrape.
    return this.dataSource.transaction(async (em) => {
      await em.query(`SET LOCAL statement_timeout = ${Math.trunc(this.timeoutMs)}`);
      return em.query(BACKLOG_SQL);
    });
  }

  private poolGauges(driver: { master: Pool }): void {
    const pool = () => driver.master;
    new Gauge({
      name: 'family_card_db_pool_connections',
      help: 'PostgreSQL connections of this instance’s pool: open (total) and idle.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        this.set({ state: 'total' }, pool().totalCount);
        this.set({ state: 'idle' }, pool().idleCount);
      },
    });
    new Gauge({
      name: 'family_card_db_pool_waiting',
      help: 'Queries waiting for a free PostgreSQL connection in this instance’s pool.',
      registers: [this.registry],
      collect() {
        this.set(pool().waitingCount);
      },
    });
  }
}
