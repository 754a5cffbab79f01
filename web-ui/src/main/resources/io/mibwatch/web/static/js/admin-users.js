// User administration (admins): list, add, change role, remove; the latest audit entries.
// All text through el().
import { getJson, send, el } from '/static/js/api.js';

const ROLES = ['viewer', 'operator', 'admin', 'reporter'];

function message(text, isError) {
  const m = document.getElementById('message');
  m.textContent = text;
  m.className = isError ? 'message error' : 'message';
  m.hidden = !text;
}

async function act(what, fn) {
  try {
    await fn();
    message(what, false);
  } catch (e) {
    message(e.message, true);
  }
  await load();
}

function row(u) {
  const role = el('select', { class: 'role', 'aria-label': 'role of ' + u.name },
    ROLES.map((r) => el('option', { value: r, selected: r === u.role }, r)));
  role.addEventListener('change', () => act('Role of ' + u.name + ' is now ' + role.value + '.',
    () => send('PUT', '/api/users/' + encodeURIComponent(u.name), { role: role.value })));
  const remove = el('button', { type: 'button', class: 'remove', onclick: () => {
    if (confirm('Remove user ' + u.name + '?')) {
      act('Removed ' + u.name + '.', () => send('DELETE', '/api/users/' + encodeURIComponent(u.name)));
    }
  } }, 'Remove');
  return el('tr', { dataset: { user: u.name } }, el('td', { class: 'name' }, u.name), el('td', {}, role),
    el('td', {}, new Date(u.created).toLocaleString()), el('td', {}, remove));
}

function auditRow(e) {
  return el('tr', { class: e.ok ? '' : 'refused' }, el('td', {}, new Date(e.at).toLocaleString()),
    el('td', {}, e.actor), el('td', {}, e.source), el('td', { class: 'action' }, e.action), el('td', {}, e.target),
    el('td', {}, e.ok ? 'ok' : 'refused'), el('td', {}, e.detail));
}

async function load() {
  const users = await getJson('/api/users');
  document.querySelector('#users tbody').replaceChildren(...users.map(row));
  const audit = await getJson('/api/audit?limit=50');
  document.querySelector('#audit tbody').replaceChildren(...audit.entries.map(auditRow));
}

document.getElementById('add-user').addEventListener('submit', (e) => {
  e.preventDefault();
  const name = document.getElementById('new-name').value.trim();
  const role = document.getElementById('new-role').value;
  const password = document.getElementById('new-password').value;
  act('Added ' + name + ' (' + role + ').', async () => {
    await send('POST', '/api/users', { name, role, password });
    document.getElementById('add-user').reset();
  });
});

load().catch((e) => message('Cannot load users: ' + e.message, true));
