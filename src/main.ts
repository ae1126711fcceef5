import './load-env';
import { createApp } from './bootstrap';
import { appConfig } from './config/app.config';
import { exitIfShutdownHangs, exitOnStartupFailure } from './startup';

async function main(): Promise<void> {
  const app = await createApp();
  const { port, host, shutdownGraceMs } = appConfig();
  await app.listen({ port, host });
  exitIfShutdownHangs(shutdownGraceMs);
  app
    .getHttpAdapter()
    .getInstance()
    .log.info({ url: await app.getUrl() }, 'family-card is listening');
}

main().catch(exitOnStartupFailure());
