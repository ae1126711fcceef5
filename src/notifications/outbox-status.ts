import type { OutboxStatus } from './outbox-message.entity';

export type { OutboxStatus } from './outbox-message.entity';

/** Every value of {@link OutboxStatus}, for validation and the API description. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const satisfies readonly OutboxStatus[];
