export type Changes = Record<string, { from: unknown; to: unknown }>;

/** A copy with object keys sorted at every depth: jsonb hands objects back with its own key order. */
export function canonical<T>(value: T): T {
  if (Array.isArray(value)) return value.map(canonical) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
  ) as T;
}

/** Equal as JSON values, whatever the order of object keys. */
export const sameJson = (a: unknown, b: unknown): boolean =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** `value` without its undefined fields: what a PATCH body asks to change. */
export const stripUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * The fields of `after` whose values differ from `before`'s (compared as JSON, key order aside), with both values: what an audit
 * row says of an edit. `ignore` names derived fields nobody needs to read there.
 */
export function changedFields(before: object, after: object, ignore: readonly string[] = []): Changes {
  const changes: Changes = {};
  for (const [key, to] of Object.entries(after)) {
    const from = (before as Record<string, unknown>)[key];
    if (!ignore.includes(key) && !sameJson(from, to)) changes[key] = { from, to };
  }
  return changes;
}
