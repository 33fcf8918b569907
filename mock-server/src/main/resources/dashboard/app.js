// The mock's dashboard: plain JavaScript, no build step. Every panel reads and changes the mock
// through its admin API; GET /__admin/events says what changed (pushed, never polled), and the
// visible panel reads it again. With an admin token the page asks for it once per tab.

const TOKEN_KEY = 'contract-kit.adminToken';
const PANELS = ['outbox', 'leads', 'contacts', 'throttle', 'journal', 'controls'];
const TOPICS = {
  outbox: ['outbox', 'state'],
  leads: ['tokens', 'outbox', 'state'],
  contacts: ['state'],
  throttle: ['throttle', 'state'],
  journal: ['journal', 'state'],
  controls: ['faults', 'state'],
};

const $ = (id) => document.getElementById(id);
let current = 'outbox';
let clockOffset = 0; // the mock's clock minus this browser's, from the events
const stale = new Set(PANELS);
const loading = new Map();

// ---- the admin API, with the admin token when the mock wants one ----

let tokenPrompt = null;

function askForToken(wrong) {
  if (!tokenPrompt) {
    tokenPrompt = new Promise((resolve) => {
      const dialog = $('token-dialog');
      $('token-error').textContent = wrong
        ? 'The mock did not accept this token. Enter its admin token again.'
        : '';
      $('token-input').value = '';
      const done = (event) => {
        event.preventDefault();
        const token = $('token-input').value.trim();
        if (!token) {
          return;
        }
        sessionStorage.setItem(TOKEN_KEY, token);
        $('token-form').removeEventListener('submit', done);
        dialog.close();
        tokenPrompt = null;
        resolve();
      };
      $('token-form').addEventListener('submit', done);
      dialog.addEventListener('cancel', (event) => event.preventDefault(), { once: true });
      if (!dialog.open) {
        dialog.showModal();
      }
      $('token-input').focus();
    });
  }
  return tokenPrompt;
}

function authHeaders() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function admin(method, path, body) {
  for (;;) {
    const headers = { Accept: 'application/json', ...authHeaders() };
    const init = { method, headers, cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
      const hadToken = sessionStorage.getItem(TOKEN_KEY) !== null;
      sessionStorage.removeItem(TOKEN_KEY);
      await askForToken(hadToken);
      continue;
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: response.status, ok: response.ok, json, text, headers: response.headers };
  }
}

/** The problem's detail, or the status line: what the page says when a call fails. */
function why(answer) {
  return (answer.json && (answer.json.detail || answer.json.title)) || `HTTP ${answer.status}`;
}

function say(id, text, isError) {
  const el = $(id);
  el.textContent = text;
  el.classList.toggle('error', Boolean(isError));
}

let toastTimer = 0;
function toast(text) {
  $('toast').textContent = text;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    $('toast').textContent = '';
  }, 3000);
}

async function copy(text, what) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'sr';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  toast(`Copied ${what}`);
}

// ---- small DOM helpers ----

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

/** Replaces the container's children, and gives focus back to the element that had it. */
function replaceKeepingFocus(container, nodes) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.key : undefined;
  container.replaceChildren(...nodes);
  if (key) {
    const again = container.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (again) again.focus();
  }
}

function mockNow() {
  return Date.now() + clockOffset;
}

function timeLeft(untilMillis) {
  const seconds = Math.ceil((untilMillis - mockNow()) / 1000);
  if (seconds <= 0) return null;
  const m = Math.floor(seconds / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m}:${s}`;
}

function clockTime(iso) {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
}

function maskRecipient(recipient) {
  if (!recipient) return '';
  const at = recipient.indexOf('@');
  if (at > 0) return `${recipient[0]}***${recipient.slice(at)}`;
  const digits = recipient.replace(/\D/g, '');
  return `***${digits.slice(-3)}`;
}

// ---- Outbox ----

async function loadOutbox() {
  const answer = await admin('GET', '/__admin/outbox?limit=50');
  if (!answer.ok) {
    say('send-result', `Could not read the outbox: ${why(answer)}`, true);
    return;
  }
  const messages = answer.json.messages;
  $('outbox-count').textContent = messages.length ? String(messages.length) : '';
  $('outbox-empty').hidden = messages.length > 0;
  const list = $('outbox-list');
  const known = new Map([...list.children].map((li) => [li.dataset.id, li]));
  const items = messages.map((m) => known.get(m.id) || outboxItem(m, known.size > 0));
  replaceKeepingFocus(list, items);
  tick();
}

function outboxItem(m, fresh) {
  const copyButton = el('button', {
    type: 'button',
    class: 'secondary small copy',
    'data-key': `copy-${m.id}`,
    'aria-label': `Copy authToken ${m.authToken}`,
    onclick: () => copy(m.authToken, `authToken ${m.authToken}`),
    text: 'Copy',
  });
  return el(
    'li',
    { class: fresh ? 'message fresh' : 'message', 'data-id': m.id },
    el(
      'div',
      { class: 'code-box' },
      el('span', { class: 'code', 'data-token': m.authToken, text: m.authToken }),
      copyButton,
    ),
    el(
      'div',
      { class: 'meta' },
      el('span', { class: 'badge', text: m.channel }),
      ' to ',
      el('strong', { text: maskRecipient(m.recipient) }),
      ` · ${m.id}`,
    ),
    el('div', { class: 'meta mono', text: `lead ${m.accessToken} · source ${m.source}` }),
    el(
      'div',
      { class: 'meta' },
      el('span', { class: 'left', 'data-expires': Date.parse(m.expiresAt) }),
      ` · sent ${clockTime(m.sentAt)}`,
    ),
  );
}

async function sendToken(event) {
  event.preventDefault();
  const form = event.target;
  const query = new URLSearchParams({
    accessToken: form.accessToken.value.trim(),
    channel: form.channel.value,
    source: form.source.value.trim(),
  });
  const response = await fetch(`/lms/leads/bytoken/authtoken?${query}`, { method: 'POST' });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  if (response.ok) {
    say('send-result', `Sent ${json.messageId} by ${json.channel} to ${json.recipient}.`);
  } else {
    say('send-result', `Not sent: ${why({ status: response.status, json })}`, true);
  }
}

// ---- Leads ----

let leadNames = [];

async function loadLeads() {
  const [leads, outbox] = await Promise.all([
    admin('GET', '/__admin/leads'),
    admin('GET', '/__admin/outbox?limit=1000'),
  ]);
  const missing = $('leads-missing');
  if (leads.status === 404) {
    missing.hidden = false;
    missing.textContent =
      'This mock does not list its leads (GET /__admin/leads comes with run-time test data). ' +
      'Send a token from the outbox, or mint one with POST /__admin/authtokens.';
    $('leads-table').tBodies[0].replaceChildren();
    return;
  }
  if (!leads.ok) {
    say('leads-result', `Could not read the leads: ${why(leads)}`, true);
    return;
  }
  missing.hidden = true;
  const sent = outbox.ok ? outbox.json.messages : [];
  leadNames = leads.json.leads.map((l) => l.contact.accessToken?.code).filter(Boolean);
  fillLeadList();
  const rows = leads.json.leads.map((lead) => leadRow(lead, sent));
  replaceKeepingFocus($('leads-table').tBodies[0], rows);
}

function tokenState(expiresAt) {
  if (expiresAt && Date.parse(expiresAt) <= mockNow()) return 'expired';
  return 'active';
}

function leadRow(lead, sent) {
  const contact = lead.contact;
  const code = contact.accessToken?.code || '';
  const expiration = contact.accessToken?.expiration;
  const expired = expiration && Date.parse(expiration) <= mockNow();
  const tokens = [
    ...lead.authTokens.map((t) => ({ code: t.code, expiresAt: t.expiresAt, how: 'seeded' })),
    ...sent
      .filter((m) => m.accessToken === code)
      .map((m) => ({ code: m.authToken, expiresAt: m.expiresAt, how: `sent ${m.channel}` })),
  ];
  const list = el(
    'ul',
    { class: 'tokens' },
    ...tokens.map((t) =>
      el('li', {}, t.code, ' ', el('span', { class: 'state', text: `${t.how}, ${tokenState(t.expiresAt)}` })),
    ),
  );
  return el(
    'tr',
    {},
    el('td', { text: contact.name || '—' }),
    el('td', { class: 'mono', text: code }),
    el('td', { class: expired ? 'left expired' : '', text: expired ? `expired ${clockTime(expiration)}` : clockTime(expiration) || 'never' }),
    el('td', {}, tokens.length ? list : '—'),
    el(
      'td',
      {},
      el('button', {
        type: 'button',
        class: 'secondary small',
        'data-key': `mint-${code}`,
        'aria-label': `Mint an authToken for ${code}`,
        onclick: () => mint(code),
        text: 'Mint',
      }),
    ),
  );
}

async function mint(accessToken) {
  const answer = await admin('POST', '/__admin/authtokens', { accessToken });
  if (answer.ok) {
    say('leads-result', `Minted ${answer.json.authToken} for ${accessToken}, valid until ${clockTime(answer.json.expiresAt)}.`);
    copy(answer.json.authToken, `authToken ${answer.json.authToken}`);
  } else {
    say('leads-result', `Not minted: ${why(answer)}`, true);
  }
}

function fillLeadList() {
  $('lead-list').replaceChildren(...leadNames.map((name) => el('option', { value: name })));
}

// ---- Contacts ----

async function loadContacts() {
  const answer = await admin('GET', '/__admin/contacts');
  const missing = $('contacts-missing');
  if (answer.status === 404) {
    missing.hidden = false;
    missing.textContent =
      'This mock does not list its contacts (GET /__admin/contacts comes with run-time test data).';
    return;
  }
  if (!answer.ok) {
    missing.hidden = false;
    missing.textContent = `Could not read the contacts: ${why(answer)}`;
    return;
  }
  missing.hidden = true;
  const rows = answer.json.contacts.map((c) =>
    el(
      'tr',
      {},
      el('td', { text: [c.FirstName, c.LastName].filter(Boolean).join(' ') || `#${c.Id}` }),
      el('td', { class: 'mono', text: c.Secret }),
      el('td', { text: c.Email || '—' }),
      el(
        'td',
        {},
        el('button', {
          type: 'button',
          class: 'secondary small',
          'data-key': `try-${c.Secret}`,
          'aria-label': `Look up ${c.Secret}`,
          onclick: () => {
            $('lookup-secret').value = c.Secret;
            $('lookup-secret').focus();
          },
          text: 'Try',
        }),
      ),
    ),
  );
  replaceKeepingFocus($('contacts-table').tBodies[0], rows);
}

async function lookUp(event) {
  event.preventDefault();
  const query = new URLSearchParams({ secret: $('lookup-secret').value });
  const ip = $('lookup-ip').value.trim();
  if (ip) query.set('ip', ip);
  const response = await fetch(`/api/v1/Contacts?${query}`, { cache: 'no-store' });
  const text = await response.text();
  let shown = text;
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    shown = text;
  }
  const retry = response.headers.get('Retry-After');
  $('lookup-answer').replaceChildren(
    el('p', {}, el('strong', { id: 'lookup-status', text: `HTTP ${response.status}` }),
      ` ${response.headers.get('Content-Type') || ''}`,
      retry ? ` · Retry-After: ${retry}` : ''),
    el('pre', {}, el('code', { text: shown })),
  );
}

// ---- Throttle ----

async function loadThrottle() {
  const answer = await admin('GET', '/__admin/throttle?limit=200');
  if (!answer.ok) {
    say('throttle-result', `Could not read the throttle: ${why(answer)}`, true);
    return;
  }
  const t = answer.json;
  $('throttle-policy').textContent =
    `An ip is blocked for ${t.blockSeconds} s after ${t.maxFailures} failed lookups within ${t.windowSeconds} s.`;
  const blocked = t.ips.filter((ip) => ip.blocked).length;
  $('throttle-count').textContent = blocked ? String(blocked) : '';
  $('throttle-empty').hidden = t.ips.length > 0;
  const now = mockNow();
  const rows = t.ips.map((ip) =>
    el(
      'tr',
      { 'data-ip': ip.ip },
      el('td', { class: 'mono', text: ip.ip }),
      el('td', { text: ip.blocked ? '—' : `${ip.failures} of ${t.maxFailures}` }),
      el('td', {}, ip.blocked
        ? el('span', { class: 'left', 'data-expires': now + ip.blockedForSeconds * 1000, 'data-refresh': 'throttle' })
        : 'no'),
      el(
        'td',
        {},
        el('button', {
          type: 'button',
          class: 'secondary small',
          'data-key': `unblock-${ip.ip}`,
          'aria-label': `${ip.blocked ? 'Unblock' : 'Forget'} ${ip.ip}`,
          onclick: () => unblock(ip.ip),
          text: ip.blocked ? 'Unblock' : 'Forget',
        }),
      ),
    ),
  );
  replaceKeepingFocus($('throttle-table').tBodies[0], rows);
  tick();
}

async function unblock(ip) {
  const answer = await admin('DELETE', `/__admin/throttle/${encodeURIComponent(ip)}`);
  say('throttle-result', answer.ok ? `${ip} is unblocked; its next lookup counts from zero.` : why(answer), !answer.ok);
  refresh('throttle');
}

async function clearThrottle() {
  const answer = await admin('DELETE', '/__admin/throttle');
  say('throttle-result', answer.ok ? 'Every ip is unblocked.' : why(answer), !answer.ok);
  refresh('throttle');
}

// ---- Journal ----

const ROUTES = {
  contacts: (p) => p.startsWith('/api/v1/contacts'),
  'lead-contact': (p) => p.startsWith('/lms/leads/bytoken/contact'),
  'send-authtoken': (p) => p.startsWith('/lms/leads/bytoken/authtoken'),
  admin: (p) => p.startsWith('/__admin'),
  apis: (p) => !p.startsWith('/__admin'),
  all: () => true,
};

async function loadJournal() {
  const answer = await admin('GET', '/__admin/journal?limit=500');
  if (!answer.ok) {
    $('journal-empty').textContent = `Could not read the journal: ${why(answer)}`;
    return;
  }
  const route = ROUTES[$('journal-route').value];
  const status = $('journal-status').value;
  const shown = answer.json.requests
    .filter((r) => route(r.path.toLowerCase()) && (!status || String(r.status).startsWith(status)))
    .slice(0, 200);
  $('journal-empty').textContent = 'No request matches.';
  $('journal-empty').hidden = shown.length > 0;
  const rows = shown.map((r) => {
    const target = r.query ? `${r.path}?${r.query}` : r.path;
    return el(
      'tr',
      {},
      el('td', { class: 'mono', text: clockTime(r.timestamp).slice(11) }),
      el(
        'td',
        {},
        el('button', {
          type: 'button',
          class: 'request-button',
          'data-key': `request-${r.id}`,
          'aria-controls': 'curl',
          onclick: () => showCurl(r.method, target),
          text: `${r.method} ${target}`,
        }),
      ),
      el('td', { class: `status-${String(r.status)[0]}`, text: String(r.status) }),
      el('td', { text: String(r.durationMillis) }),
    );
  });
  replaceKeepingFocus($('journal-table').tBodies[0], rows);
}

function shellQuote(text) {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

function curlLine(method, target) {
  const url = `${location.origin}${target}`;
  const parts = ['curl', '-i'];
  if (method !== 'GET') parts.push('-X', method);
  if (target.toLowerCase().startsWith('/__admin') && sessionStorage.getItem(TOKEN_KEY)) {
    parts.push('-H', '"Authorization: Bearer $MOCK_ADMIN_TOKEN"');
  }
  parts.push(shellQuote(url));
  return parts.join(' ');
}

function showCurl(method, target) {
  $('curl-line').textContent = curlLine(method, target);
  $('curl').hidden = false;
  $('curl-copy').focus();
}

// ---- Controls ----

async function loadControls() {
  await Promise.all([loadClock(), loadFixtures(), loadFaults()]);
}

async function reset() {
  const answer = await admin('POST', '/__admin/reset');
  say('reset-result', answer.ok ? 'The mock is back in its initial state.' : why(answer), !answer.ok);
  for (const panel of PANELS) stale.add(panel);
  refresh(current);
  if (current !== 'outbox') refresh('outbox');
}

let clockAvailable = true;

async function loadClock() {
  const answer = await admin('GET', '/__admin/clock');
  clockAvailable = answer.status !== 404;
  for (const id of ['clock-by', 'clock-to']) $(id).disabled = !clockAvailable;
  for (const form of [$('clock-advance'), $('clock-set')]) {
    form.querySelector('button').disabled = !clockAvailable;
  }
  $('clock-freeze').disabled = !clockAvailable;
  if (!clockAvailable) {
    $('clock-now').textContent = 'This mock has no steerable clock (POST /__admin/clock); it runs on real time.';
    return;
  }
  if (!answer.ok) {
    $('clock-now').textContent = why(answer);
    return;
  }
  const c = answer.json;
  clockOffset = Date.parse(c.now) - Date.now();
  $('clock-now').textContent =
    `Now ${clockTime(c.now)} · offset ${c.offsetSeconds} s · ${c.frozen ? 'frozen' : 'running'}`;
  $('clock-freeze').textContent = c.frozen ? 'Unfreeze' : 'Freeze';
  $('clock-freeze').dataset.frozen = String(c.frozen);
}

async function changeClock(change) {
  const answer = await admin('POST', '/__admin/clock', change);
  say('clock-result', answer.ok ? 'The clock moved.' : why(answer), !answer.ok);
  loadClock();
}

async function loadFixtures() {
  const health = await admin('GET', '/__admin/health');
  const list = $('fixtures-status');
  if (!health.ok) {
    list.replaceChildren(el('dt', { text: 'Health' }), el('dd', { text: why(health) }));
    return;
  }
  const h = health.json;
  const f = h.fixtures;
  const pairs = [
    ['Contacts', String(h.contacts)],
    ['Leads', String(h.leads)],
    ['Started', clockTime(h.startedAt)],
  ];
  if (f) {
    pairs.push(['Source', f.source], ['Last reload', clockTime(f.loadedAt)], ['Last error', f.lastError || 'none']);
  } else {
    pairs.push(['Source', 'loaded at start (this mock does not report reloads)']);
  }
  list.replaceChildren(...pairs.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
}

async function reloadFixtures() {
  const answer = await admin('POST', '/__admin/fixtures/reload');
  if (answer.status === 404) {
    say('fixtures-result', 'This mock cannot reload its fixtures (POST /__admin/fixtures/reload).', true);
  } else if (answer.ok) {
    say('fixtures-result', `Reloaded: ${answer.json.contacts} contacts, ${answer.json.leads} leads.`);
  } else {
    say('fixtures-result', `Kept the data loaded before: ${why(answer)}`, true);
  }
  loadFixtures();
}

function describeRule(r) {
  const match = Object.entries(r.match || {}).map(([k, v]) => `${k}=${v}`).join(', ');
  const f = r.fault || {};
  const what = [f.kind, f.status && `status ${f.status}`, f.delay && `delay ${JSON.stringify(f.delay)}`]
    .filter(Boolean)
    .join(', ');
  const times = r.times == null ? 'no limit' : `${r.remaining} of ${r.times} left`;
  return `${r.id}: ${r.route}${match ? ` where ${match}` : ''} → ${what || 'body'} · fired ${r.fired} · ${times}`;
}

async function loadFaults() {
  const answer = await admin('GET', '/__admin/faults');
  if (!answer.ok) {
    $('faults-settings').textContent = `Could not read the rules: ${why(answer)}`;
    return;
  }
  const f = answer.json;
  $('faults-settings').textContent =
    `Latency ${f.latency || 'none'} · seed ${f.seed} · delayed now ${f.delayedNow} of ${f.maxDelayed}`;
  $('faults-empty').hidden = f.rules.length > 0;
  const items = f.rules.map((r) =>
    el(
      'li',
      {},
      el('span', { class: 'mono', text: describeRule(r) }),
      el('button', {
        type: 'button',
        class: 'secondary small',
        'data-key': `remove-${r.id}`,
        'aria-label': `Remove ${r.id}`,
        onclick: async () => {
          const removed = await admin('DELETE', `/__admin/faults/${encodeURIComponent(r.id)}`);
          say('fault-result', removed.ok ? `Removed ${r.id}.` : why(removed), !removed.ok);
          loadFaults();
        },
        text: 'Remove',
      }),
    ),
  );
  replaceKeepingFocus($('fault-list'), items);
}

async function addFault(event) {
  event.preventDefault();
  const rule = { route: $('fault-route').value, fault: {} };
  const matchName = $('fault-match-name').value;
  if (matchName) rule.match = { [matchName]: $('fault-match-value').value };
  const kind = $('fault-kind').value;
  if (kind) rule.fault.kind = kind;
  const status = $('fault-status').value.trim();
  const body = $('fault-body').value.trim();
  if (kind !== 'connection-reset' && kind !== 'empty-response') {
    if (status) rule.fault.status = /^\d+$/.test(status) ? Number(status) : status;
    if (body) {
      try {
        rule.fault.body = JSON.parse(body);
      } catch {
        rule.fault.body = body;
      }
    }
  }
  const delay = $('fault-delay').value.trim();
  if (delay) rule.fault.delay = delay;
  const times = $('fault-times').value.trim();
  if (times) rule.times = /^\d+$/.test(times) ? Number(times) : times;
  const answer = await admin('POST', '/__admin/faults', rule);
  say('fault-result', answer.ok ? `Added ${answer.json.id}.` : `Not added: ${why(answer)}`, !answer.ok);
  loadFaults();
}

async function clearFaults() {
  const answer = await admin('DELETE', '/__admin/faults');
  say('fault-result', answer.ok ? 'Every rule is removed.' : why(answer), !answer.ok);
  loadFaults();
}

// ---- panels, refreshes and the countdowns ----

const LOADERS = {
  outbox: loadOutbox,
  leads: loadLeads,
  contacts: loadContacts,
  throttle: loadThrottle,
  journal: loadJournal,
  controls: loadControls,
};

/** Reads the panel again; a change that arrives meanwhile reads it once more afterwards. */
function refresh(panel) {
  stale.delete(panel);
  if (loading.has(panel)) {
    loading.set(panel, true);
    return;
  }
  loading.set(panel, false);
  LOADERS[panel]()
    .catch((error) => toast(`Could not read the ${panel}: ${error.message}`))
    .finally(() => {
      const again = loading.get(panel);
      loading.delete(panel);
      if (again) refresh(panel);
    });
}

function show(panel) {
  current = PANELS.includes(panel) ? panel : 'outbox';
  for (const name of PANELS) {
    $(`panel-${name}`).hidden = name !== current;
  }
  for (const link of document.querySelectorAll('nav a')) {
    if (link.dataset.panel === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (stale.has(current)) refresh(current);
}

function changed(topics) {
  for (const panel of PANELS) {
    if (TOPICS[panel].some((t) => topics.includes(t))) stale.add(panel);
  }
  if (stale.has(current)) refresh(current);
  // The outbox's count shows in the navigation whatever panel is open.
  if (current !== 'outbox' && stale.has('outbox')) refresh('outbox');
}

function tick() {
  for (const span of document.querySelectorAll('[data-expires]')) {
    const left = timeLeft(Number(span.dataset.expires));
    const blocked = span.dataset.refresh === 'throttle';
    if (left === null) {
      span.textContent = blocked ? 'block ended' : 'expired';
      span.classList.add('expired');
      if (blocked && current === 'throttle' && !span.dataset.done) {
        span.dataset.done = 'true';
        refresh('throttle');
      }
    } else {
      span.textContent = blocked ? `blocked, ${left} left` : `${left} left`;
    }
  }
}

// ---- the live stream: fetch, so that it can carry the bearer token ----

function setLive(state, text) {
  $('live').dataset.state = state;
  $('live').textContent = text;
}

async function listen() {
  let wait = 1000;
  for (;;) {
    try {
      const response = await fetch('/__admin/events', {
        headers: { Accept: 'text/event-stream', ...authHeaders() },
        cache: 'no-store',
      });
      if (response.status === 401) {
        const hadToken = sessionStorage.getItem(TOKEN_KEY) !== null;
        sessionStorage.removeItem(TOKEN_KEY);
        setLive('down', 'Needs the admin token');
        await askForToken(hadToken);
        continue;
      }
      if (!response.ok) {
        setLive('down', response.status === 503 ? 'Too many dashboards open; retrying' : `Not live (HTTP ${response.status})`);
      } else {
        setLive('live', 'Live');
        wait = 1000;
        await readEvents(response.body);
        setLive('down', 'Reconnecting…');
      }
    } catch {
      setLive('down', 'Reconnecting…');
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, 15000);
  }
}

async function readEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replaceAll('\r\n', '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data += line.slice(5).trim();
      }
      if (event === 'changed' && data) {
        const change = JSON.parse(data);
        if (change.now) clockOffset = Date.parse(change.now) - Date.now();
        changed(change.topics);
      }
    }
  }
}

// ---- start ----

function start() {
  $('send-form').addEventListener('submit', sendToken);
  $('lookup-form').addEventListener('submit', lookUp);
  $('throttle-clear').addEventListener('click', clearThrottle);
  $('journal-route').addEventListener('change', () => refresh('journal'));
  $('journal-status').addEventListener('change', () => refresh('journal'));
  $('journal-filters').addEventListener('submit', (e) => e.preventDefault());
  $('curl-copy').addEventListener('click', () => copy($('curl-line').textContent, 'the curl line'));
  $('reset').addEventListener('click', reset);
  $('clock-advance').addEventListener('submit', (e) => {
    e.preventDefault();
    changeClock({ advance: $('clock-by').value.trim() });
  });
  $('clock-set').addEventListener('submit', (e) => {
    e.preventDefault();
    changeClock({ set: $('clock-to').value.trim() });
  });
  $('clock-freeze').addEventListener('click', () =>
    changeClock({ freeze: $('clock-freeze').dataset.frozen !== 'true' }));
  $('fixtures-reload').addEventListener('click', reloadFixtures);
  $('fault-form').addEventListener('submit', addFault);
  $('faults-clear').addEventListener('click', clearFaults);
  window.addEventListener('hashchange', () => show(location.hash.slice(1)));
  setInterval(tick, 1000);
  show(location.hash.slice(1));
  listen();
}

start();
