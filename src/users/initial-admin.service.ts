import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { systemActor } from '../auth/actor';
import { ConfigurationError } from '../config/validate-env';
import { ProblemException } from '../common/problem/problem.exception';
import type { AuthConfig } from '../config/auth.config';
import { UsersService } from './users.service';

export const DEFAULT_ADMIN_EMAIL = 'admin@family-card.local';

/**
 * On first start (no active admin) creates one from ADMIN_EMAIL/ADMIN_PASSWORD, or generates a password and
 * prints it once. Several instances may start together: the unique e-mail makes all but one of them a no-op.
 * The HTTP server calls it at start-up (AppModule); operator commands do not.
 */
@Injectable()
export class InitialAdminService {
  private readonly logger = new Logger('InitialAdmin');

  constructor(
    private readonly users: UsersService,
    private readonly config: ConfigService,
  ) {}

  async ensureAdmin(): Promise<{ email: string; generatedPassword?: string } | null> {
    if ((await this.users.countActiveAdmins()) > 0) return null;
    const auth = this.config.getOrThrow<AuthConfig>('auth');
    const email = auth.adminEmail ?? DEFAULT_ADMIN_EMAIL;
    let generatedPassword: string | undefined;
    try {
      const created = await this.users.createStaff(systemActor('initial-admin'), {
        email,
        displayName: 'Administrator',
        role: 'admin',
        password: auth.adminPassword,
      });
      generatedPassword = created.initialPassword;
    } catch (error) {
      if (ProblemException.is(error, 'email-taken')) return null;
      if (error instanceof ProblemException && error.problem.errors?.some((e) => e.field === 'password')) {
        throw new ConfigurationError([
          `ADMIN_PASSWORD: ${error.problem.errors.map((e) => e.message.replace(/^password /, '')).join('; ')}`,
        ]);
      }
      throw error;
    }
    this.logger.log(`created the first admin account ${email}`);
    if (generatedPassword) {
      // Printed once as plain console text (not a structured log record); it is not stored anywhere else.
      process.stdout.write(
        `\n  First admin account created.\n    e-mail:   ${email}\n    password: ${generatedPassword}\n  ` +
          `Sign in and change it; it is not shown again.\n\n`,
      );
    }
    return { email, generatedPassword };
  }
}
