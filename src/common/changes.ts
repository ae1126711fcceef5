export type Changes = Record<string, { from: unknown; to: unknown }>;

/** `value` without its undefined fields: what a PATCH body asks to change. */
export const stripUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * The fields of `after` whose values differ from `before`'s (compared as JSON), with both values: what an audit
 * row says of an edit. `ignore` names derived fields nobody needs to read there.
 */
export function changedFields(before: object, after: object, ignore: readonly string[] = []): Changes {
  const changes: Changes = {};
  for (const [key, to] of Object.entries(after)) {
    const from = (before as Record<string, unknown>)[key];
    if (!ignore.includes(key) && JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}
