import { DataSource } from 'typeorm';
import { ApplicationWorkflowService } from '../../applications/application-workflow.service';
import { ApplicationsService } from '../../applications/applications.service';
import type { Actor } from '../../auth/actor';
import { CardsService } from '../../cards/cards.service';
import type { MemberInputDto } from '../../families/dto/member-input.dto';
import { peselFor } from '../../families/national-id/pesel';
import { UserEntity } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import type { DemoSeedStep } from './demo.seeder';

export const DEMO_FAMILY_EMAIL = 'family@demo.family-card.local';

const ADDRESS = { street: 'ul. Lipowa 12', postalCode: '20-020', city: 'Lublin' };

/** Two parents and `children` children aged 3 to 16 years, with valid (made-up) PESELs. */
function household(lastName: string, children: number, seed: number): MemberInputDto[] {
  const year = new Date().getFullYear();
  const birth = (age: number, month: number) => `${year - age}-${String(month).padStart(2, '0')}-10`;
  const member = (role: MemberInputDto['role'], firstName: string, birthDate: string, n: number) => ({
    role,
    firstName,
    lastName,
    birthDate,
    nationalId: peselFor(birthDate, seed * 10 + n),
  });
  return [
    member('parent', 'Katarzyna', birth(41, 4), 1),
    member('parent', 'Tomasz', birth(43, 9), 2),
    ...Array.from({ length: children }, (_, i) =>
      member('child', ['Zuzanna', 'Jakub', 'Łucja', 'Szymon', 'Hanna'][i], birth(3 + i * 3, i + 1), 3 + i),
    ),
  ];
}

/**
 * A family account with an approved family (its cards issued on approval), walk-in applications waiting in the
 * case workers' queue (one submitted, one sent back for a document), and an enrolled walk-in family with a
 * suspended and a replaced card. Created once; a later run finds the account and stops.
 */
export const demoFamilies: DemoSeedStep = {
  name: 'families and applications',
  async run({ app, actor, password, report }) {
    const existing = await app
      .get(DataSource)
      .getRepository(UserEntity)
      .existsBy({ email: DEMO_FAMILY_EMAIL });
    report.accounts.push({ email: DEMO_FAMILY_EMAIL, role: 'family', created: !existing });
    if (existing) return;
    const user = await app.get(UsersService).createAccount(actor, {
      email: DEMO_FAMILY_EMAIL,
      displayName: 'Katarzyna Kowalska',
      role: 'family',
      password,
    });
    const applications = app.get(ApplicationsService);
    const workflow = app.get(ApplicationWorkflowService);
    const family: Actor = {
      ...actor,
      type: 'user',
      id: user.id,
      label: user.email,
      role: 'family',
      familyId: null,
    };
    const caseWorker: Actor = { ...actor, role: 'case_worker' };

    const own = await applications.create(family, {
      type: 'new_family',
      ...ADDRESS,
      members: household('Kowalski', 3, 1),
    });
    await workflow.transition(family, own.id, 'submit', {});
    await workflow.transition(caseWorker, own.id, 'start_review', {});
    await workflow.transition(caseWorker, own.id, 'approve', {
      reason: 'meets_rules',
      message: 'Witamy w programie!',
    });

    const walkIn = (lastName: string, children: number, seed: number, email: string) =>
      applications.create(caseWorker, {
        type: 'new_family',
        ...ADDRESS,
        email,
        language: 'pl',
        members: household(lastName, children, seed),
      });
    const waiting = await walkIn('Wiśniewski', 4, 2, 'wisniewscy@demo.family-card.local');
    await workflow.transition(caseWorker, waiting.id, 'submit', {});
    const needsInfo = await walkIn('Wójcik', 3, 3, 'wojcikowie@demo.family-card.local');
    await workflow.transition(caseWorker, needsInfo.id, 'submit', {});
    await workflow.transition(caseWorker, needsInfo.id, 'start_review', {});
    await workflow.transition(caseWorker, needsInfo.id, 'request_info', {
      reason: 'document_needed',
      message: 'Prosimy o zaświadczenie o nauce najstarszego dziecka.',
    });

    // An enrolled walk-in family whose cards show the lifecycle: one suspended, one replaced after a loss.
    const enrolled = await walkIn('Dąbrowski', 3, 4, 'dabrowscy@demo.family-card.local');
    await workflow.transition(caseWorker, enrolled.id, 'submit', {});
    await workflow.transition(caseWorker, enrolled.id, 'start_review', {});
    await workflow.transition(caseWorker, enrolled.id, 'approve', { reason: 'meets_rules' });
    const cards = app.get(CardsService);
    const [parent, child] = await cards.ofFamily(
      (await applications.getForActor(caseWorker, enrolled.id)).familyId!,
    );
    await cards.act(caseWorker, parent.id, 'suspend', null, 'Demo: card checked after a complaint');
    await cards.reportLost(caseWorker, child.id, 'lost', true);
  },
};
