import './load-env';
import { createApp } from './bootstrap';
import { appConfig } from './config/app.config';
import { ConfigurationError } from './config/validate-env';

async function main(): Promise<void> {
  const app = await createApp();
  const { port, host, shutdownGraceMs } = appConfig();
  await app.listen({ port, host });
  const stop = () => setTimeout(() => process.exit(1), shutdownGraceMs).unref();
  process.once('SIGTERM', stop).once('SIGINT', stop);
  app
    .getHttpAdapter()
    .getInstance()
    .log.info({ url: await app.getUrl() }, 'family-card is listening');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    process.stderr.write(`family-card cannot start. ${error.message}\nSee .env.example for every setting.\n`);
  } else {
    process.stderr.write(`family-card failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
});
