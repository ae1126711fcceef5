import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '../../api-keys/api-keys.service';
import { Actor, systemActor } from '../../auth/actor';
import type { ApiScope, Role, StaffRole } from '../../auth/roles';
import { ProblemException } from '../../common/problem/problem.exception';
import { UserEntity } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { demoFamilies } from './enrolment.demo';
import { demoPartnersStep } from './partners.demo';

/** Public (it is in the README), so it only ever protects demo data. Passes the password policy. */
export const DEFAULT_DEMO_PASSWORD = 'family card demo 2026!';
export const DEMO_EMAIL_DOMAIN = 'demo.family-card.local';
export const DEMO_STAFF_ROLES: StaffRole[] = ['case_worker', 'partner_manager', 'auditor'];
export const DEMO_API_KEY_NAME = 'Demo integration';
const DEMO_API_KEY_SCOPES: ApiScope[] = ['audit:read', 'users:read'];

export const demoEmail = (role: Role): string => `${role}@${DEMO_EMAIL_DOMAIN}`;

export interface DemoAccount {
  email: string;
  role: Role;
  /** False when an earlier run had created it already. */
  created: boolean;
}

export interface DemoApiKey {
  name: string;
  prefix: string;
  scopes: string[];
  /** Only when this run created the key: it is never stored, so a later run cannot show it. */
  key?: string;
}

export interface DemoSeedReport {
  accounts: DemoAccount[];
  apiKeys: DemoApiKey[];
}

export interface DemoSeedContext {
  /** Resolves the real services, so demo data passes the same rules and lands in the same audit log. */
  app: INestApplicationContext;
  actor: Actor;
  password: string;
  report: DemoSeedReport;
}

/** One capability's sample data. A step is idempotent: it finds what an earlier run made and keeps it. */
export interface DemoSeedStep {
  name: string;
  run(ctx: DemoSeedContext): Promise<void>;
}

const staffAccounts: DemoSeedStep = {
  name: 'staff accounts',
  async run({ app, actor, password, report }) {
    const users = app.get(UsersService);
    const existing = app.get(DataSource).getRepository(UserEntity);
    for (const role of DEMO_STAFF_ROLES) {
      const email = demoEmail(role);
      let created = !(await existing.existsBy({ email }));
      if (created) {
        const displayName = `Demo ${role.replace('_', ' ')}`;
        created = await users.createAccount(actor, { email, displayName, role, password }).then(
          () => true,
          (error: unknown) => (ProblemException.is(error, 'email-taken') ? false : Promise.reject(error)), // another seeder won the race
        );
      }
      report.accounts.push({ email, role, created });
    }
  },
};

const integrationApiKey: DemoSeedStep = {
  name: 'integration API key',
  async run({ app, actor, report }) {
    const keys = app.get(ApiKeysService);
    const found = (await keys.list()).find((k) => k.name === DEMO_API_KEY_NAME && !k.revokedAt);
    if (found) {
      report.apiKeys.push({ name: found.name, prefix: found.prefix, scopes: found.scopes });
      return;
    }
    const { entity, key } = await keys.create(actor, {
      name: DEMO_API_KEY_NAME,
      scopes: DEMO_API_KEY_SCOPES,
    });
    report.apiKeys.push({ name: entity.name, prefix: entity.prefix, scopes: entity.scopes, key });
  },
};

/** In order; later capabilities (families, partners, offers, cards) append their own step. */
export const DEMO_SEED_STEPS: readonly DemoSeedStep[] = [
  staffAccounts,
  integrationApiKey,
  demoFamilies,
  demoPartnersStep,
];

/** Fills a running app with sample data through its real services, audited as the system actor `demo`. */
export class DemoSeeder {
  constructor(
    private readonly app: INestApplicationContext,
    private readonly steps: readonly DemoSeedStep[] = DEMO_SEED_STEPS,
  ) {}

  async seed(password = DEFAULT_DEMO_PASSWORD): Promise<DemoSeedReport> {
    const ctx: DemoSeedContext = {
      app: this.app,
      actor: systemActor('demo'),
      password,
      report: { accounts: [], apiKeys: [] },
    };
    for (const step of this.steps) {
      try {
        await step.run(ctx);
      } catch (error) {
        throw new Error(`demo seed step "${step.name}" failed: ${describe(error)}`, { cause: error });
      }
    }
    return ctx.report;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof ProblemException)) return (error as Error)?.message ?? String(error);
  const { detail, title, errors = [] } = error.problem;
  return [detail ?? title, ...errors.map((e) => e.message)].join('; ');
}
