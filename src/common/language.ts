/**
 * The language to answer in: the one asked for by name, else the best of Accept-Language that the programme
 * speaks (by q-value, then order), else the programme's first language.
 */
export function pickLanguage(
  asked: string | undefined,
  acceptLanguage: string | undefined,
  languages: string[],
): string {
  if (asked && languages.includes(asked)) return asked;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { language: tag.trim().toLowerCase().slice(0, 2), q: q ? Number(q[1]) : 1, index };
    })
    .filter((r) => r.q > 0 && languages.includes(r.language))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.language ?? languages[0];
}

/** The text in `language`, else in the programme's first language that has one, else any. */
export function textIn<T>(texts: Record<string, T>, language: string, languages: string[]): T | undefined {
  return (
    texts[language] ?? languages.map((l) => texts[l]).find((t) => t !== undefined) ?? Object.values(texts)[0]
  );
}
