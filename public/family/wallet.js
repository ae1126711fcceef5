// The family's phone wallet (/family/wallet): sign in, then every member's card. Online, an active card shows
// a live code valid for minutes (renewed before it ends), so a screenshot is soon worth nothing; offline, it
// shows the printed card's code from the copy saved on this device, labelled as such. A live code is never
// saved and never shown once its minutes are up.

import { api, forget, NetworkError, resume, session, SessionEnded, signIn, signOut } from './api.js';
import { clearWallet, loadWallet, saveWallet } from './store.js';
import { $, el, message, online, show } from '../shared/dom.js';

const t = JSON.parse(document.getElementById('wallet-messages').textContent);
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));
/** Renew a live code this long before it ends. */
const RENEW_BEFORE_MS = 30 * 1000;
const RETRY_MS = 15 * 1000;
/** Without live codes (no active card), look for changes now and then. */
const IDLE_REFRESH_MS = 5 * 60 * 1000;

const state = {
  user: null,
  /** The last answer of the API, with its live codes, while it is current; null offline. */
  wallet: null,
  /** Date.now() when `wallet` came; its live codes end `expiresAt − generatedAt` later, by any clock. */
  receivedAt: 0,
  /** The copy on this device: { userId, savedAt, wallet } without live codes. */
  saved: null,
  /** 'live' | 'offline' | 'unreachable' | 'empty' (offline with nothing saved) | 'none' (no cards) | null. */
  mode: null,
  timer: null,
  loading: null,
};

const timeFormat = new Intl.DateTimeFormat(t.language, { timeStyle: 'short' });
const savedFormat = new Intl.DateTimeFormat(t.language, { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(t.language, { dateStyle: 'long', timeZone: 'UTC' });

/** The server's SVG as an image address: the browser draws it, nothing of it becomes markup of this page. */
function svgImage(svg) {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** Milliseconds a live code has left, measured on the server's clock from when the answer arrived. */
function liveLeft(card) {
  if (!state.wallet || !card.live) return 0;
  const span = Date.parse(card.live.expiresAt) - Date.parse(state.wallet.generatedAt);
  return span - (Date.now() - state.receivedAt);
}

const countdown = (ms) => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

// ---- the cards --------------------------------------------------------------------------------------------

/** The mode line: announced (role=status) only when it changes, never by the countdown. */
function renderMode() {
  const box = $('mode');
  const savedAt = state.saved ? savedFormat.format(new Date(state.saved.savedAt)) : '';
  const text = {
    live: t.modeLive,
    offline: fill(t.modeOffline, { time: savedAt }),
    unreachable: fill(t.modeUnreachable, { time: savedAt }),
    empty: t.nothingSaved,
  }[state.mode];
  box.dataset.mode = state.mode ?? '';
  box.className = state.mode === 'live' ? 'mode live' : 'mode offline';
  if (box.textContent !== (text ?? '')) box.textContent = text ?? '';
  show(box, Boolean(text));
}

function render() {
  renderMode();
  const wallet =
    state.mode === 'live'
      ? state.wallet
      : state.mode === 'offline' || state.mode === 'unreachable'
        ? state.saved?.wallet
        : null;
  const cards = wallet?.cards ?? [];
  $('cards').replaceChildren(...cards.map(renderCard));
  const none = state.mode === 'none' ? t.noCards : state.mode === null ? t.loading : null;
  message($('no-cards'), none);
  markOfflineReady();
}

function renderCard(card) {
  const id = `card-${card.id}`;
  const live = state.mode === 'live' && card.status === 'active' && liveLeft(card) > 0;
  const printed = !live && card.qrSvg && card.status !== 'expired';
  const code = live ? 'live' : printed ? 'printed' : 'none';
  const row = (label, value) => [el('dt', {}, label), el('dd', {}, value)];
  const until = card.validUntil ? dayFormat.format(new Date(`${card.validUntil}T00:00:00Z`)) : t.indefinite;
  const status = t.statuses[card.status] ?? card.status;

  const box = el('div', { className: 'code-box' });
  if (code !== 'none') {
    box.append(
      el('img', {
        className: card.status === 'suspended' ? 'qr greyed' : 'qr',
        src: svgImage(live ? card.live.qrSvg : card.qrSvg),
        alt: fill(t.qrAlt, { name: card.holderName }),
      }),
    );
  }
  if (live) {
    box.append(
      el(
        'p',
        { className: 'live-indicator' },
        el('span', { className: 'dot', 'aria-hidden': 'true' }),
        el('strong', {}, t.live),
        el('span', { className: 'countdown', 'aria-hidden': 'true' }, countdown(liveLeft(card))),
        el(
          'span',
          { className: 'visually-hidden' },
          fill(t.liveUntil, {
            time: timeFormat.format(new Date(state.receivedAt + liveLeft(card))),
          }),
        ),
      ),
    );
  } else if (code === 'printed' && card.status === 'active' && state.saved) {
    box.append(
      el(
        'p',
        { className: 'offline-label' },
        el('strong', {}, t.offlineLabel),
        el('span', {}, fill(t.savedAt, { time: savedFormat.format(new Date(state.saved.savedAt)) })),
      ),
    );
  }
  if (card.status === 'suspended') box.append(el('p', { className: 'status-note' }, t.suspendedNote));
  if (card.status === 'expired') box.append(el('p', { className: 'status-note' }, t.expiredNote));

  return el(
    'li',
    {},
    el(
      'article',
      {
        className: `card ${card.status}`,
        'aria-labelledby': `${id}-name`,
        'data-card-id': card.id,
        'data-status': card.status,
        'data-code': code,
      },
      el(
        'div',
        { className: 'card-head' },
        el('h3', { id: `${id}-name` }, card.holderName),
        el('p', { className: `status-badge ${card.status}` }, status),
      ),
      box,
      el(
        'dl',
        { className: 'details' },
        ...row(t.role, t.roles[card.role] ?? card.role),
        ...row(t.cardNumber, card.displayNumber),
        ...row(t.validUntil, until),
        ...row(t.status, status),
      ),
    ),
  );
}

/** Once a second: the countdowns; a live code whose minutes are up is never left on screen. */
function tick() {
  if (state.mode !== 'live' || !state.wallet) return;
  let ended = false;
  for (const card of state.wallet.cards) {
    if (!card.live) continue;
    const node = document.querySelector(`[data-card-id="${card.id}"] .countdown`);
    const left = liveLeft(card);
    if (left <= 0 && node) ended = true;
    else if (node) node.textContent = countdown(left);
  }
  if (ended) {
    // Renewal should have come 30 seconds ago: the server is not answering.
    goOffline();
    load();
  }
}

function goOffline() {
  state.wallet = null;
  state.mode = state.saved ? (online() ? 'unreachable' : 'offline') : 'empty';
  render();
}

function schedule(ms) {
  clearTimeout(state.timer);
  state.timer = setTimeout(load, ms);
}

function scheduleRenewal() {
  const left = state.wallet.cards.filter((c) => c.live).map(liveLeft);
  schedule(left.length ? Math.max(1000, Math.min(...left) - RENEW_BEFORE_MS) : IDLE_REFRESH_MS);
}

/** Fetches the wallet (one fetch at a time); online it shows live codes, otherwise the saved copy. */
function load() {
  state.loading ??= fetchWallet().finally(() => {
    state.loading = null;
  });
  return state.loading;
}

async function fetchWallet() {
  clearTimeout(state.timer);
  const user = state.user;
  if (!user) return;
  if (online()) {
    try {
      const res = await api('/api/v1/families/mine/wallet');
      if (state.user !== user) return; // signed out meanwhile: keep nothing
      if (res.status === 200) {
        const receivedAt = Date.now();
        const saved = await saveWallet(user.id, res.body).catch(() => state.saved);
        if (state.user !== user) return clearWallet(); // signed out while it was being saved
        Object.assign(state, { wallet: res.body, receivedAt, saved, mode: 'live' });
        message($('notice'), null);
        render();
        scheduleRenewal();
        return;
      }
      if (res.status === 404) {
        // Signed in, but no family yet: nothing to show or keep.
        state.wallet = null;
        state.saved = null;
        await clearWallet().catch(() => {});
        state.mode = 'none';
        render();
        return;
      }
      message($('notice'), fill(t.error, { status: res.status }));
    } catch (error) {
      if (error instanceof SessionEnded) return onSessionEnded();
      if (!(error instanceof NetworkError)) throw error;
    }
  }
  goOffline();
  if (online()) schedule(RETRY_MS);
}

function markOfflineReady() {
  const ready = Boolean(state.saved) && Boolean(navigator.serviceWorker?.controller ?? false);
  document.documentElement.dataset.offlineReady = ready ? 'yes' : 'no';
}

// ---- signing in and out -----------------------------------------------------------------------------------

function showSignIn(notice) {
  show($('wallet'), false);
  show($('mode'), false);
  show($('signin'), true);
  message($('signin-error'), notice);
}

async function onSignIn(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const button = form.querySelector('button');
  button.disabled = true;
  message($('signin-error'), t.signingIn);
  try {
    const res = await signIn(form.email.value.trim(), form.password.value);
    if (res.status === 429) return message($('signin-error'), t.signInThrottled);
    if (!res.ok) return message($('signin-error'), t.signInFailed);
    form.password.value = '';
    await enter();
    if (state.user) $('cards-title').focus();
  } catch (error) {
    message($('signin-error'), error instanceof NetworkError ? t.signInOffline : String(error));
  } finally {
    button.disabled = false;
  }
}

async function enter() {
  const current = session();
  if (!current) return showSignIn();
  if (current.user?.role !== 'family') {
    await signOut();
    return showSignIn(t.notFamily);
  }
  state.user = current.user;
  $('account-name').textContent = fill(t.signedInAs, { name: current.user.displayName });
  show($('signin'), false);
  show($('wallet'), true);
  message($('signin-error'), null);
  state.saved = await loadWallet(current.user.id).catch(() => null);
  render();
  await load();
}

/** Leaves nothing behind: the tokens, the saved cards, the cards on screen. */
async function leave() {
  clearTimeout(state.timer);
  Object.assign(state, { user: null, wallet: null, saved: null, mode: null });
  $('cards').replaceChildren();
  forget();
  await clearWallet().catch(() => {});
  markOfflineReady();
}

async function onSessionEnded() {
  await leave();
  showSignIn(t.sessionEnded);
}

async function onSignOut() {
  const ending = signOut(); // forgets the tokens at once, then tells the server
  await leave();
  await ending;
  showSignIn();
  $('email').focus();
}

// ---- start ------------------------------------------------------------------------------------------------

async function start() {
  $('signin-form').addEventListener('submit', onSignIn);
  $('signout').addEventListener('click', onSignOut);
  window.addEventListener('online', () => load());
  window.addEventListener('offline', () => {
    if (state.user && state.mode !== 'none') goOffline();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || !state.user) return;
    tick();
    load();
  });
  setInterval(tick, 1000);

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.addEventListener('controllerchange', markOfflineReady);
    navigator.serviceWorker.register('/static/family/sw.js', { scope: '/family/' }).catch(() => {});
  }
  if (await resume()) await enter();
  else showSignIn();
  document.documentElement.dataset.ready = 'yes';
}

start();
