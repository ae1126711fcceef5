import { Global, Module } from '@nestjs/common';
import { MetricsService } from './metrics.service';

/**
 * Global so that the services where events happen (checks, redemptions, jobs) can count them. Only the HTTP
 * app imports it: in the CLI there is nothing to scrape, and those services take the metrics as optional.
 */
@Global()
@Module({ providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}
