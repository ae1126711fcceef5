/**
 * Keys whose values never enter the audit log: credentials, and national ID numbers (PESEL and its kind).
 * The audit log keeps *that* such a field changed, never its value.
 */
const SECRET_KEY =
  /pass(word)?|secret|token|hash|api[_-]?key|national[_-]?id|pesel|personal[_-]?(id|number)|ssn|tax[_-]?id/i;

export const REDACTED = '[redacted]';

export function redactSummary(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[truncated]';
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactSummary(v, depth + 1));
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) ? REDACTED : redactSummary(v, depth + 1),
      ]),
    );
  }
  if (typeof value === 'string' && value.length > 500) return `${value.slice(0, 500)}…`;
  return value;
}
