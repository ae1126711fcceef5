import { formatCardNumber } from '../cards/card-number';

/**
 * A card number for a list a cashier reads back: enough to tell two cards apart at the till, not enough to
 * type in (`KDR4821093755267` → `KDR •••• •••• •526 7`).
 */
export function maskCardNumber(canonical: string): string {
  const [prefix, ...groups] = formatCardNumber(canonical).split(' ');
  let keep = 4;
  const masked = groups
    .reverse()
    .map((group) =>
      [...group]
        .reverse()
        .map((digit) => (keep-- > 0 ? digit : '•'))
        .reverse()
        .join(''),
    )
    .reverse();
  return [prefix, ...masked].join(' ');
}
