import { ProblemException } from '../common/problem/problem.exception';
import type { CardEntity } from './card.entity';

/** Another request moved the card first: its guarded UPDATE found the card in another state. */
export const changedMeanwhile = (card: Pick<CardEntity, 'number'>) =>
  ProblemException.conflict('illegal-card-transition', `Card ${card.number} changed meanwhile`);
