import { Command, CommandRunner, Option } from 'nest-commander';
import { ROLES, Role, UserKind } from '../../auth/roles';
import { mapUser, UserDto } from '../../users/dto/user.dto';
import { UsersService } from '../../users/users.service';
import { CliError } from '../cli-error';
import { formatTable, printLine } from '../output';

const KINDS: UserKind[] = ['staff', 'merchant', 'family'];
const PAGE = 200;

interface UsersListOptions {
  role?: Role;
  kind?: UserKind;
  json?: boolean;
}

/** Prints accounts through the same mapping as the API (mapUser), so no password hash can leak. */
@Command({
  name: 'users:list',
  description: 'List accounts: e-mail, role, kind, disabled, locked, last login',
})
export class UsersListCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run(_args: string[], options: UsersListOptions): Promise<void> {
    const rows: string[][] = [];
    for (let offset = 0; ; offset += PAGE) {
      const { items, total } = await this.users.list({
        role: options.role,
        kind: options.kind,
        limit: PAGE,
        offset,
      });
      for (const user of items.map(mapUser)) {
        if (options.json) printLine(JSON.stringify(user));
        else rows.push(tableRow(user));
      }
      if (items.length === 0 || offset + items.length >= total) break;
    }
    if (options.json) return;
    printLine(
      rows.length
        ? formatTable(['EMAIL', 'ROLE', 'KIND', 'DISABLED', 'LOCKED UNTIL', 'LAST LOGIN'], rows)
        : 'No users.',
    );
  }

  @Option({ flags: '--role <role>', description: 'only this role', choices: [...ROLES] })
  parseRole(value: string): string {
    return oneOf('--role', value, ROLES);
  }

  @Option({ flags: '--kind <kind>', description: 'only this kind of account', choices: KINDS })
  parseKind(value: string): string {
    return oneOf('--kind', value, KINDS);
  }

  @Option({ flags: '--json', description: 'one JSON object per line instead of a table' })
  parseJson(): boolean {
    return true;
  }
}

// nest-commander replaces commander's choices check with the option's parser, so the parser checks.
function oneOf(flag: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value))
    throw new CliError(`${flag} must be one of: ${allowed.join(', ')} (got "${value}").`);
  return value;
}

function tableRow(u: UserDto): string[] {
  return [
    u.email,
    u.role,
    u.kind,
    u.disabled ? 'yes' : 'no',
    u.lockedUntil ? u.lockedUntil.toISOString() : '-',
    u.lastLoginAt ? u.lastLoginAt.toISOString() : 'never',
  ];
}
