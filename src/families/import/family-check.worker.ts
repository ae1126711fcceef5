import { workerData } from 'node:worker_threads';
import { PersonalDataCipher } from '../../common/personal-data/personal-data-cipher';
import { serveWorkerRequests } from '../../common/worker-pool';
import type { CheckSetup } from './check-pool';
import type { FamilyGroup } from './family-grouper';
import { FamilyChecker } from './family-validator';

/** A worker thread of import:families: checks the batches of families the importing thread sends it. */
const setup = workerData as CheckSetup;
const checker = new FamilyChecker({ ...setup, cipher: new PersonalDataCipher(setup.keys) });

serveWorkerRequests((groups: FamilyGroup[]) => groups.map((group) => checker.check(group)));
