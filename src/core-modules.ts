import { ConfigModule } from '@nestjs/config';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CardsModule } from './cards/cards.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { appConfig } from './config/app.config';
import { authConfig } from './config/auth.config';
import { cardsConfig } from './config/cards.config';
import { databaseConfig } from './config/database.config';
import { enrolmentConfig } from './config/enrolment.config';
import { limitsConfig } from './config/limits.config';
import { mailConfig } from './config/mail.config';
import { ConfigurationError } from './config/validate-env';
import { metricsConfig } from './metrics/metrics.config';
import { PersonalDataModule } from './common/personal-data/personal-data.module';
import { DatabaseModule } from './database/database.module';
import { FamiliesModule } from './families/families.module';
import { JobsModule } from './jobs/jobs.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OffersModule } from './offers/offers.module';
import { PartnersModule } from './partners/partners.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { UsersModule } from './users/users.module';
import { ValidationsModule } from './validations/validations.module';

/** Every config namespace; each validates its own variables when loaded. */
export const CONFIG_NAMESPACES = [
  appConfig,
  databaseConfig,
  authConfig,
  limitsConfig,
  enrolmentConfig,
  mailConfig,
  cardsConfig,
  metricsConfig,
];

// .env is loaded by src/load-env.ts before any import, so ConfigModule does not read it again.
export const CONFIG_MODULE = ConfigModule.forRoot({
  isGlobal: true,
  ignoreEnvFile: true,
  load: CONFIG_NAMESPACES,
});

/**
 * What the HTTP app and the operator CLI share: configuration, the database, and every feature module (so the
 * CLI sees the same services and the same registered jobs). HTTP-only modules stay in AppModule.
 */
export const CORE_MODULES = [
  CONFIG_MODULE,
  DatabaseModule,
  AuditModule,
  JobsModule,
  UsersModule,
  ApiKeysModule,
  AuthModule,
  PersonalDataModule,
  NotificationsModule,
  ProgrammesModule,
  FamiliesModule,
  ApplicationsModule,
  CardsModule,
  PartnersModule,
  OffersModule,
  CatalogueModule,
  ValidationsModule,
];

/** Validates every namespace up front so that one start-up reports every bad variable, not just the first. */
export function checkConfiguration(): void {
  const problems = new Set<string>();
  for (const load of CONFIG_NAMESPACES) {
    try {
      load();
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      error.problems.forEach((p) => problems.add(p));
    }
  }
  if (problems.size > 0) throw new ConfigurationError([...problems]);
}
