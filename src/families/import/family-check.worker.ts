import { parentPort, workerData } from 'node:worker_threads';
import { PersonalDataCipher } from '../../common/personal-data/personal-data-cipher';
import type { CheckReply, CheckRequest, CheckSetup } from './check-pool';
import { FamilyChecker } from './family-validator';

/** A worker thread of import:families: checks the batches of families the importing thread sends it. */
const setup = workerData as CheckSetup;
const checker = new FamilyChecker({ ...setup, cipher: new PersonalDataCipher(setup.keys) });

parentPort!.on('message', ({ id, groups }: CheckRequest) => {
  let reply: CheckReply;
  try {
    reply = { id, checked: groups.map((group) => checker.check(group)) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
