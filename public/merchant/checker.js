// The merchant checker page (/merchant/check): sign in, choose the outlet, scan or type a card, see the answer,
// redeem offers, and today's checks here. Online it asks the API; offline it verifies the QR token with the
// cached keys and revocation list, and queues redemptions until the connection is back.

import {
  api,
  forget,
  getPublic,
  NetworkError,
  resume,
  session,
  SessionEnded,
  signIn,
  signOut,
} from './api.js';
import { importJwks } from './card-token.js';
import { checkOffline, offlineOffers, readCode } from './offline-check.js';
import { applyRevocationList, listAge, revocationsUrl, verifyRevocationList } from './revocations.js';
import { startScanner } from './scanner.js';
import { getState, putQueued, queued, removeQueued, setState } from './store.js';
import { $, el, message, online, show } from '../shared/dom.js';

const t = JSON.parse(document.getElementById('checker-messages').textContent);
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));
const MERCHANT_ROLES = ['merchant_owner', 'merchant_cashier'];
const REFRESH_MS = 5 * 60 * 1000;
const OUTLET_KEY = 'fc.checker.outlet';

const state = {
  user: null,
  outlets: [],
  outletId: null,
  keys: new Map(),
  list: null,
  offers: [],
  today: null,
  stopScanner: null,
  outcomes: [],
};

const timeFormat = new Intl.DateTimeFormat(t.language, { timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(t.language, { dateStyle: 'long' });
const civilDateFormat = new Intl.DateTimeFormat(t.language, { dateStyle: 'long', timeZone: 'UTC' });

/** A valid-until from the server is a calendar day (YYYY-MM-DD); offline it is the token's last valid instant. */
const formatValidUntil = (value) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? civilDateFormat.format(new Date(`${value}T00:00:00Z`))
    : dateFormat.format(new Date(value));

// ---- network status and the offline copy ------------------------------------------------------------------

function renderNetwork() {
  const box = $('network');
  box.textContent = online() ? t.online : t.offline;
  box.className = online() ? 'network online' : 'network offline';
  show(box, true);
}

function renderListAge() {
  const box = $('list-age');
  if (!state.list) {
    box.textContent = t.listMissing;
    box.className = 'list-age stale';
    return;
  }
  const age = listAge(state.list.issuedAt, Date.now(), t.language, t.justNow);
  const text = fill(t.listAge, { age: age.words }) + (age.stale ? ` ${t.listStale}` : '');
  if (box.textContent === text) return; // an alert is announced again on every change
  box.textContent = text;
  box.className = age.stale ? 'list-age stale' : 'list-age';
  box.setAttribute('role', age.stale ? 'alert' : 'note');
}

function markOfflineReady() {
  const ready =
    state.keys.size > 0 && state.list !== null && Boolean(navigator.serviceWorker?.controller ?? false);
  document.documentElement.dataset.offlineReady = ready ? 'yes' : 'no';
}

async function loadOfflineCopy() {
  const jwks = await getState('jwks').catch(() => null);
  if (jwks) state.keys = await importJwks(jwks);
  state.list = (await getState('revocations').catch(() => null)) ?? null;
}

/** Fetches the keys and the list (a delta when there is a copy) and keeps what verifies. */
async function refreshOfflineCopy() {
  const jwks = await getPublic('/.well-known/jwks.json');
  if (jwks) {
    const keys = await importJwks(jwks);
    if (keys.size > 0) {
      state.keys = keys;
      await setState('jwks', jwks);
    }
  }
  for (const url of [revocationsUrl(state.list), '/api/v1/revocations']) {
    const signed = await getPublic(url);
    const payload = signed ? await verifyRevocationList(signed, state.keys) : null;
    if (!payload) continue; // unreadable or not signed by our keys: keep the copy we have
    state.list = applyRevocationList(state.list, payload);
    await setState('revocations', state.list);
    break;
  }
  renderListAge();
  markOfflineReady();
}

// ---- signing in ----------------------------------------------------------------------------------------------

function showSignIn(notice) {
  show($('checker'), false);
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
  } catch (error) {
    message($('signin-error'), error instanceof NetworkError ? t.signInOffline : String(error));
  } finally {
    button.disabled = false;
  }
}

async function enter() {
  const current = session();
  if (!current) return showSignIn();
  if (!MERCHANT_ROLES.includes(current.user?.role)) {
    await signOut();
    return showSignIn(t.notMerchant);
  }
  state.user = current.user;
  $('account-name').textContent = fill(t.signedInAs, { name: current.user.displayName });
  show($('signin'), false);
  show($('checker'), true);
  message($('signin-error'), null);
  await loadOutlets();
  await Promise.all([loadOffers(), loadToday(), renderQueue()]);
  flushQueue();
}

function onSessionEnded() {
  stopScan();
  forget();
  showSignIn(t.sessionEnded);
}

// ---- outlets and offers ----------------------------------------------------------------------------------------

async function cachedCall(path, stateKey) {
  if (online()) {
    try {
      const res = await api(path);
      if (res.ok) {
        await setState(stateKey, res.body);
        return res.body;
      }
    } catch (error) {
      if (error instanceof SessionEnded) throw error;
    }
  }
  return (await getState(stateKey).catch(() => null)) ?? null;
}

async function loadOutlets() {
  const partnerId = state.user.partnerId;
  const outlets = (await cachedCall(`/api/v1/partners/${partnerId}/outlets`, `outlets:${partnerId}`)) ?? [];
  state.outlets = outlets;
  const select = $('outlet');
  select.replaceChildren(
    ...outlets.map((o) => el('option', { value: o.id }, o.city ? `${o.name} (${o.city})` : o.name)),
  );
  const remembered = localStorage.getItem(`${OUTLET_KEY}.${partnerId}`);
  state.outletId = outlets.some((o) => o.id === remembered) ? remembered : (outlets[0]?.id ?? null);
  if (state.outletId) select.value = state.outletId;
  show($('outlet-row'), outlets.length > 0);
  show($('no-outlets'), outlets.length === 0);
}

async function loadOffers() {
  const partnerId = state.user.partnerId;
  const page = await cachedCall(
    `/api/v1/partners/${partnerId}/offers?status=published&limit=200`,
    `offers:${partnerId}`,
  );
  state.offers = page?.items ?? [];
}

function onOutletChange(event) {
  state.outletId = event.currentTarget.value || null;
  localStorage.setItem(`${OUTLET_KEY}.${state.user.partnerId}`, state.outletId ?? '');
  loadToday();
}

// ---- checking -------------------------------------------------------------------------------------------------

async function check(code, lastName) {
  const read = readCode(code);
  if (online() && read.kind === 'number' && !lastName) {
    renderProblem(t.lastNameMissing);
    $('last-name').focus();
    return;
  }
  renderPending();
  if (online()) {
    try {
      const body = {
        code,
        ...(lastName ? { lastName } : {}),
        ...(state.outletId ? { outletId: state.outletId } : {}),
      };
      const res = await api('/api/v1/validations', { method: 'POST', body });
      if (res.status === 200) {
        renderOutcome(res.body, { offline: false, code, lastName });
        loadToday();
        return;
      }
      if (res.status === 403) return renderProblem(t.notApproved);
      return renderProblem(problemText(res));
    } catch (error) {
      if (error instanceof SessionEnded) return onSessionEnded();
      if (!(error instanceof NetworkError)) throw error;
      // The server cannot be reached: answer from the copy on this device.
    }
  }
  if (state.keys.size === 0 && readCode(code).kind === 'token') return renderProblem(t.noKeys);
  const outcome = await checkOffline(code, {
    keys: state.keys,
    list: state.list,
    programme: t.programme,
    now: Date.now(),
  });
  renderOutcome({ ...outcome, checkedAt: new Date().toISOString() }, { offline: true, code, lastName });
}

function problemText(res) {
  const field = res.body?.errors?.[0];
  if (field) return `${field.field}: ${field.message}`;
  return res.body?.detail ?? fill(t.error, { status: res.status });
}

function renderPending() {
  const verdict = $('verdict');
  verdict.className = 'verdict pending';
  verdict.replaceChildren(el('p', { className: 'verdict-reason' }, t.checking));
  $('result-details').replaceChildren();
}

function renderProblem(text) {
  const verdict = $('verdict');
  verdict.className = 'verdict problem';
  verdict.replaceChildren(el('p', { className: 'verdict-reason' }, text));
  $('result-details').replaceChildren();
}

/** The big answer: colour, an icon and a word (never colour alone), the reason in words. */
function renderOutcome(outcome, context) {
  const kind =
    outcome.result === 'valid' ? 'valid' : outcome.result === 'unconfirmed' ? 'unconfirmed' : 'invalid';
  const word = { valid: t.valid, invalid: t.invalid, unconfirmed: t.unconfirmed }[kind];
  const icon = { valid: '✓', invalid: '✗', unconfirmed: '?' }[kind];
  const reason =
    outcome.result === 'unconfirmed'
      ? t.offlineNumber
      : outcome.result === 'valid' && context.offline
        ? t.offlineValid
        : t.results[outcome.result];
  const verdict = $('verdict');
  verdict.className = `verdict ${kind}`;
  verdict.dataset.result = outcome.result;
  verdict.replaceChildren(
    el(
      'p',
      { className: 'verdict-word' },
      el('span', { className: 'verdict-icon', 'aria-hidden': 'true' }, icon),
      ' ',
      word,
    ),
    el('p', { className: 'verdict-reason' }, reason),
    ...(context.offline ? [el('p', { className: 'offline-label' }, t.offlineLabel)] : []),
  );

  const details = [];
  const row = (label, value) => [el('dt', {}, label), el('dd', {}, value)];
  if (outcome.holder) {
    details.push(
      ...row(t.holder, outcome.holder.name),
      ...row(t.role, t.roles[outcome.holder.role] ?? outcome.holder.role),
    );
  }
  if (outcome.holder || outcome.validUntil) {
    const until = outcome.validUntil ? formatValidUntil(outcome.validUntil) : t.indefinite;
    details.push(...row(t.validUntil, until));
  }
  if (outcome.cardNumber) details.push(...row(t.cardNumber, outcome.cardNumber));
  const when = fill(t.checkedAt, { time: timeFormat.format(new Date(outcome.checkedAt ?? Date.now())) });
  const parts = [
    details.length ? el('dl', { className: 'holder' }, ...details) : null,
    el('p', { className: 'hint' }, when),
  ];
  if (context.offline) parts.push(el('p', { className: 'hint' }, t.offlineNote));
  if (context.offline && !state.list) parts.push(el('p', { className: 'error-box' }, t.listMissing));
  if (outcome.result === 'valid') parts.push(renderOffers(outcome, context));
  $('result-details').replaceChildren(...parts.filter(Boolean));
}

function renderOffers(outcome, context) {
  const offers = context.offline
    ? offlineOffers(state.offers, {
        outletId: state.outletId,
        role: outcome.holder?.role,
        now: Date.now(),
        languages: t.offerLanguages,
      })
    : outcome.offers;
  const section = el('section', { className: 'offers', 'aria-labelledby': 'offers-title' });
  section.append(el('h3', { id: 'offers-title' }, t.offersTitle));
  if (context.offline) section.append(el('p', { className: 'hint' }, t.offlineOffers));
  if (!offers.length) {
    section.append(el('p', {}, t.noOffers));
    return section;
  }
  const list = el('ul', { className: 'offer-list' });
  for (const offer of offers) {
    const status = el('p', { className: 'offer-status', role: 'status' });
    const used = offer.remainingUses === 0;
    const button = el(
      'button',
      {
        type: 'button',
        className: 'primary',
        'aria-label': fill(t.redeemOffer, { offer: offer.title }),
        disabled: used,
      },
      t.redeem,
    );
    button.addEventListener('click', () => redeem(offer, outcome, context, button, status));
    list.append(
      el(
        'li',
        { className: 'offer', 'data-offer-id': offer.id },
        el('p', { className: 'offer-title' }, el('strong', {}, offer.title), ` — ${offer.benefitLabel}`),
        offer.remainingUses === null
          ? null
          : el('p', { className: 'hint' }, fill(t.usesLeft, { n: offer.remainingUses })),
        button,
        status,
      ),
    );
  }
  section.append(list);
  return section;
}

// ---- redeeming and the queue ----------------------------------------------------------------------------------

async function redeem(offer, outcome, context, button, status) {
  button.disabled = true;
  const item = {
    idempotencyKey: crypto.randomUUID(),
    validationId: context.offline ? null : outcome.id,
    code: context.code,
    lastName: context.lastName || null,
    outletId: state.outletId,
    offerId: offer.id,
    offerTitle: offer.title,
    holderName: outcome.holder?.name ?? outcome.cardNumber ?? '',
    checkedAt: outcome.checkedAt ?? new Date().toISOString(),
    queuedAt: null,
  };
  if (!context.offline && online()) {
    status.textContent = t.redeeming;
    try {
      const res = await sendRedemption(item);
      status.textContent = res.ok
        ? t.redeemed +
          (typeof res.body.remainingUses === 'number'
            ? ` ${fill(t.usesLeft, { n: res.body.remainingUses })}`
            : '')
        : fill(t.queueRefused, { reason: refusalText(res) });
      if (!res.ok) button.disabled = false;
      loadToday();
      return;
    } catch (error) {
      if (error instanceof SessionEnded) return onSessionEnded();
      if (!(error instanceof NetworkError)) throw error;
    }
  }
  item.queuedAt = new Date().toISOString();
  await putQueued(item);
  status.textContent = t.queued;
  await renderQueue();
}

function sendRedemption(item) {
  return api('/api/v1/redemptions', {
    method: 'POST',
    body: { validationId: item.validationId, offerId: item.offerId, idempotencyKey: item.idempotencyKey },
  });
}

function refusalText(res) {
  const slug = String(res.body?.type ?? '').replace(/^.*\/problems\//, '');
  return t.redeemErrors[slug] ?? res.body?.detail ?? fill(t.error, { status: res.status });
}

let flushing = false;

/**
 * Sends the queued redemptions: a fresh check of the card (a queued one made offline has none), kept with the
 * item before the redemption is sent, so a retry after a lost answer repeats the same redemption request and
 * the server answers it from its idempotency key instead of recording it twice.
 */
async function flushQueue() {
  if (flushing || !online() || !session()) return;
  flushing = true;
  let done = 0;
  try {
    for (const item of await queued()) {
      setItemStatus(item, t.queueSending);
      const outcome = await sendQueued(item);
      if (outcome === 'wait') {
        setItemStatus(item, t.queueWaiting);
        break;
      }
      await removeQueued(item.idempotencyKey);
      state.outcomes.push({ item, text: outcome });
      done++;
    }
  } catch (error) {
    if (error instanceof SessionEnded) onSessionEnded();
    else throw error;
  } finally {
    flushing = false;
    await renderQueue();
    if (done && state.user) loadToday();
  }
}

/** The outcome's words, or 'wait' when the server cannot be reached. */
async function sendQueued(item) {
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      if (!item.validationId) {
        const body = {
          code: item.code,
          ...(item.lastName ? { lastName: item.lastName } : {}),
          ...(item.outletId ? { outletId: item.outletId } : {}),
        };
        const checked = await api('/api/v1/validations', { method: 'POST', body });
        if (checked.status !== 200) return fill(t.queueRefused, { reason: problemText(checked) });
        if (checked.body.result !== 'valid')
          return fill(t.queueRefused, {
            reason: t.results[checked.body.result] ?? t.redeemErrors['not-valid'],
          });
        item.validationId = checked.body.id;
        await putQueued(item);
      }
      const res = await sendRedemption(item);
      if (res.ok) return t.queueSent;
      const slug = String(res.body?.type ?? '').replace(/^.*\/problems\//, '');
      // A check older than 15 minutes (or purged): the key was never used, so check again and send once more.
      if ((slug === 'check-too-old' || res.status === 404) && attempt === 0) {
        item.validationId = null;
        continue;
      }
      if (slug === 'idempotency-key-reused') return t.queueSent;
      return fill(t.queueRefused, { reason: refusalText(res) });
    }
    return fill(t.queueRefused, { reason: t.redeemErrors['check-too-old'] });
  } catch (error) {
    if (error instanceof NetworkError) return 'wait';
    throw error;
  }
}

const itemStatus = new Map();
function setItemStatus(item, text) {
  itemStatus.set(item.idempotencyKey, text);
  const node = document.querySelector(`[data-key="${item.idempotencyKey}"] .queue-status`);
  if (node) node.textContent = text;
}

async function renderQueue() {
  const items = await queued().catch(() => []);
  const list = $('queue');
  const describe = (item) =>
    fill(t.queueItem, {
      offer: item.offerTitle,
      holder: item.holderName,
      time: timeFormat.format(new Date(item.checkedAt)),
    });
  list.replaceChildren(
    ...items.map((item) =>
      el(
        'li',
        { 'data-key': item.idempotencyKey, className: 'queue-item waiting' },
        el('span', {}, describe(item)),
        ' ',
        el('span', { className: 'queue-status' }, itemStatus.get(item.idempotencyKey) ?? t.queueWaiting),
      ),
    ),
    ...state.outcomes.map(({ item, text }) =>
      el(
        'li',
        { 'data-key': item.idempotencyKey, className: 'queue-item done' },
        el('span', {}, describe(item)),
        ' ',
        el('span', { className: 'queue-status' }, text),
      ),
    ),
  );
  show($('queue-section'), items.length + state.outcomes.length > 0);
}

// ---- today's checks --------------------------------------------------------------------------------------------

/** Today's checks here from the API; offline, the last list fetched today on this device, marked as such. */
async function loadToday() {
  if (!state.user) return;
  const key = `today:${state.user.partnerId}:${state.outletId ?? ''}`;
  let fetched = false;
  if (online()) {
    try {
      const query = new URLSearchParams({ date: 'today', limit: '50' });
      if (state.outletId) query.set('outletId', state.outletId);
      const res = await api(`/api/v1/validations?${query}`);
      if (res.ok) {
        state.today = { ...res.body, fetchedAt: Date.now(), outletId: state.outletId };
        fetched = true;
        await setState(key, state.today);
      }
    } catch (error) {
      if (error instanceof SessionEnded) return onSessionEnded();
    }
  }
  if (!fetched) {
    const kept = await getState(key).catch(() => null);
    const sameDay = kept && new Date(kept.fetchedAt).toDateString() === new Date().toDateString();
    state.today = sameDay ? kept : null;
  }
  renderToday();
}

function renderToday() {
  const today = state.today?.outletId === state.outletId ? state.today : null;
  const summary = $('today-summary');
  const table = $('today');
  if (!today) {
    summary.textContent = online() ? '' : t.todayUnavailable;
    show(table, false);
    return;
  }
  const stale = online()
    ? ''
    : ` ${fill(t.todayStale, { time: timeFormat.format(new Date(today.fetchedAt)) })}`;
  summary.textContent =
    (today.total === 0 ? t.todayEmpty : fill(t.todaySummary, { total: today.total, valid: today.valid })) +
    stale;
  table.tBodies[0].replaceChildren(
    ...today.items.map((item) =>
      el(
        'tr',
        {},
        el('td', {}, timeFormat.format(new Date(item.checkedAt))),
        el(
          'td',
          { className: item.result === 'valid' ? 'ok' : 'refused' },
          `${item.result === 'valid' ? '✓' : '✗'} ${t.resultWords[item.result] ?? item.result}`,
        ),
        el('td', {}, item.holderName ?? item.cardNumber ?? '—'),
        el('td', {}, String(item.redemptions)),
      ),
    ),
  );
  show(table, today.items.length > 0);
}

// ---- camera ---------------------------------------------------------------------------------------------------

async function startScan() {
  message($('scan-error'), null);
  if (!navigator.mediaDevices?.getUserMedia)
    return message($('scan-error'), fill(t.cameraError, { error: '—' }));
  try {
    const video = $('camera');
    show(video, true);
    state.stopScanner = await startScanner(video, (text) => {
      $('code').value = text;
      $('last-name').value = '';
      check(text, '');
    });
    show($('scan'), false);
    show($('scan-stop'), true);
    show($('scan-hint'), true);
  } catch (error) {
    show($('camera'), false);
    message($('scan-error'), fill(t.cameraError, { error: error.name || error.message }));
  }
}

function stopScan() {
  state.stopScanner?.();
  state.stopScanner = null;
  show($('camera'), false);
  show($('scan'), true);
  show($('scan-stop'), false);
  show($('scan-hint'), false);
}

// ---- start -----------------------------------------------------------------------------------------------------

async function start() {
  renderNetwork();
  $('signin-form').addEventListener('submit', onSignIn);
  $('signout').addEventListener('click', async () => {
    stopScan();
    state.user = null;
    await signOut();
    showSignIn();
  });
  $('outlet').addEventListener('change', onOutletChange);
  $('manual').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const code = form.code.value.trim();
    if (code) check(code, form.lastName.value.trim());
  });
  $('scan').addEventListener('click', startScan);
  $('scan-stop').addEventListener('click', stopScan);
  window.addEventListener('online', () => {
    renderNetwork();
    refreshOfflineCopy();
    flushQueue();
    if (state.user) Promise.all([loadOffers(), loadToday()]);
  });
  window.addEventListener('offline', () => {
    renderNetwork();
    renderToday();
  });

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.addEventListener('controllerchange', markOfflineReady);
    navigator.serviceWorker.register('/static/merchant/sw.js', { scope: '/merchant/' }).catch(() => {});
  }
  await loadOfflineCopy();
  renderListAge();
  markOfflineReady();
  if (await resume()) await enter();
  else showSignIn();
  if (online()) await refreshOfflineCopy();
  setInterval(() => {
    if (online()) refreshOfflineCopy();
  }, REFRESH_MS);
  setInterval(() => {
    renderListAge();
    // The server may come back without the browser ever going offline (an outage, not a lost network).
    flushQueue();
  }, 60 * 1000);
  document.documentElement.dataset.ready = 'yes';
}

start();
