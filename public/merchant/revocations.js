// The signed revocation list in the browser, as docs/offline-verification.md specifies: verify the Ed25519
// signature over the exact UTF-8 bytes of `payload`, replace the copy with a whole list, apply a delta on top.

import { fromBase64url } from './card-token.js';

const REFUSED = ['suspended', 'revoked', 'replaced'];
export const STALE_AFTER_MS = 24 * 3600 * 1000;
/** Deltas are asked for from a minute before the last list was made: applying an entry twice is harmless. */
export const SKEW_MS = 60 * 1000;

/** The parsed payload when the signature holds with a key we have and the payload is well-formed; else null. */
export async function verifyRevocationList(list, keys) {
  if (!list || typeof list.payload !== 'string' || typeof list.signature !== 'string') return null;
  const key = keys.get(list.kid);
  const signature = fromBase64url(list.signature);
  if (!key || !signature) return null;
  const ok = await crypto.subtle.verify(
    { name: 'Ed25519' },
    key,
    signature,
    new TextEncoder().encode(list.payload),
  );
  if (!ok) return null;
  let payload;
  try {
    payload = JSON.parse(list.payload);
  } catch {
    return null;
  }
  const wellFormed =
    payload?.v === 1 &&
    typeof payload.programme === 'string' &&
    !Number.isNaN(Date.parse(payload.issuedAt)) &&
    Array.isArray(payload.entries);
  return wellFormed ? payload : null;
}

/**
 * The copy after a verified list: a whole list replaces it, a delta updates it (refused statuses add or update
 * an entry, `active` removes it). A list older than the copy, or of another programme, changes nothing.
 * The copy is `{ programme, issuedAt, entries: { [number]: { status, at } } }`.
 */
export function applyRevocationList(copy, payload) {
  if (
    copy &&
    (copy.programme !== payload.programme || Date.parse(payload.issuedAt) <= Date.parse(copy.issuedAt))
  )
    return copy;
  if (payload.since !== null && !copy) return copy; // a delta needs a whole list under it
  const entries = payload.since === null ? {} : { ...copy.entries };
  for (const entry of payload.entries) {
    if (REFUSED.includes(entry.status)) entries[entry.number] = { status: entry.status, at: entry.at };
    else delete entries[entry.number];
  }
  return { programme: payload.programme, issuedAt: payload.issuedAt, entries };
}

/** The status a copy of the list gives a card number: suspended, revoked, replaced, or null (not listed). */
export function refusal(copy, cardNumber) {
  return copy && Object.hasOwn(copy.entries, cardNumber) ? copy.entries[cardNumber].status : null;
}

/** Where to ask for what changed since the copy: the whole list without one. */
export function revocationsUrl(copy) {
  if (!copy) return '/api/v1/revocations';
  const since = new Date(Date.parse(copy.issuedAt) - SKEW_MS).toISOString();
  return `/api/v1/revocations?since=${encodeURIComponent(since)}`;
}

/**
 * How old the copy is, in words of `language` ("3 hours ago", "3 godziny temu"; `justNow` under a minute), and
 * whether it is past the 24 hours after which verifiers must warn.
 */
export function listAge(issuedAt, now, language, justNow) {
  const ms = Math.max(0, now - Date.parse(issuedAt));
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
  const minutes = Math.floor(ms / 60000);
  let words;
  if (minutes < 1) words = justNow;
  else if (minutes < 60) words = format.format(-minutes, 'minute');
  else if (minutes < 48 * 60) words = format.format(-Math.floor(minutes / 60), 'hour');
  else words = format.format(-Math.floor(minutes / 1440), 'day');
  return { words, stale: ms > STALE_AFTER_MS };
}
