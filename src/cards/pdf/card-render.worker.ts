import { workerData } from 'node:worker_threads';
import { serveWorkerRequests } from '../../common/worker-pool';
import type { CardFace } from './card-face';
import { CardRenderer } from './card-renderer';
import type { CardTemplate } from './card-template';

/** A thread of CardRenderPool: its own renderer, fonts parsed once per thread. */
const template = workerData as CardTemplate;
// The logo arrives as a plain Uint8Array: structured cloning does not keep Buffers.
const renderer = new CardRenderer({ ...template, logoImage: Buffer.from(template.logoImage) });

serveWorkerRequests((faces: CardFace[]) => renderer.renderCardsNow(faces));
