import { Command, CommandRunner } from 'nest-commander';
import { systemActor } from '../../auth/actor';
import { SigningKeysService } from '../../cards/keys/signing-keys.service';
import { printLine } from '../output';

@Command({
  name: 'keys:rotate',
  description:
    'Make a new card-signing key the active signer (the old one keeps verifying its cards; audited)',
})
export class KeysRotateCommand extends CommandRunner {
  constructor(private readonly keys: SigningKeysService) {
    super();
  }

  async run(): Promise<void> {
    const previous = await this.keys.active();
    const next = await this.keys.rotate(systemActor('cli keys:rotate'));
    printLine(
      `Key ${next.id} now signs cards; ${previous.id} is retired and stays published while its cards are live.`,
    );
  }
}
