import { isEmail } from 'class-validator';
import { Command, CommandRunner, Option } from 'nest-commander';
import { systemActor } from '../../auth/actor';
import { ProblemException } from '../../common/problem/problem.exception';
import { UsersService } from '../../users/users.service';
import { CliError } from '../cli-error';
import { printLine } from '../output';

interface CreateAdminOptions {
  email: string;
  name?: string;
  password?: string;
}

@Command({
  name: 'create-admin',
  description: 'Create an admin account (audited; the password policy applies)',
})
export class CreateAdminCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run(_args: string[], options: CreateAdminOptions): Promise<void> {
    if (!isEmail(options.email) || options.email.length > 254) {
      throw new CliError(`--email must be an e-mail address (got ${JSON.stringify(options.email)}).`);
    }
    const displayName = options.name ?? 'Administrator';
    if (displayName.length < 1 || displayName.length > 200)
      throw new CliError('--name must be 1 to 200 characters.');
    let generated: string | undefined;
    try {
      const created = await this.users.createStaff(systemActor('cli:create-admin'), {
        email: options.email,
        displayName,
        role: 'admin',
        password: options.password,
      });
      generated = created.initialPassword;
      printLine(`Created admin ${created.user.email} (${created.user.id}).`);
    } catch (error) {
      throw asCliError(error);
    }
    if (generated) {
      printLine(`  password: ${generated}`);
      printLine('  It is not shown again: sign in and change it.');
    }
  }

  @Option({ flags: '--email <email>', description: 'e-mail to sign in with', required: true })
  parseEmail(value: string): string {
    return value.trim();
  }

  @Option({ flags: '--name <name>', description: 'display name (default: Administrator)' })
  parseName(value: string): string {
    return value.trim();
  }

  @Option({
    flags: '--password <password>',
    description:
      'initial password; when omitted, one is generated and printed once (keeps it out of shell history)',
  })
  parsePassword(value: string): string {
    return value;
  }
}

/** The service speaks HTTP problems; the operator gets the same reasons, named after the command's options. */
function asCliError(error: unknown): unknown {
  if (!(error instanceof ProblemException)) return error;
  const { problem } = error;
  if (ProblemException.is(error, 'email-taken'))
    return new CliError(problem.detail ?? 'That e-mail is already in use.');
  const passwordErrors = (problem.errors ?? []).filter((e) => e.field === 'password');
  if (passwordErrors.length > 0) {
    const reasons = passwordErrors.map((e) => e.message.replace(/^password /, '')).join('; ');
    return new CliError(`--password ${reasons}${reasons.endsWith('.') ? '' : '.'}`);
  }
  return error;
}
