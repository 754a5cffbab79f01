// The header of every NOC page: navigation by role, the user, logout.
import { session, el, send } from '/static/js/api.js';

const LINKS = [
  { href: '/', label: 'Alerts', roles: ['viewer', 'operator', 'admin'] },
  { href: '/devices', label: 'Devices', roles: ['viewer', 'operator', 'admin'] },
  { href: '/explorer', label: 'Explorer', roles: ['viewer', 'operator', 'admin'] },
  { href: '/services', label: 'Services', roles: ['viewer', 'operator', 'admin'] },
  { href: '/report', label: 'Red button', roles: ['reporter', 'viewer', 'operator', 'admin'] },
  { href: '/admin/users', label: 'Users', roles: ['admin'] },
];

export async function renderNav() {
  const header = document.getElementById('nav');
  if (!header) return;
  const s = await session();
  const here = location.pathname;
  const links = LINKS.filter((l) => l.roles.includes(s.role)).map((l) =>
    el('a', { href: l.href, class: l.href === here ? 'current' : null }, l.label));
  const logout = el('button', { type: 'button', id: 'logout', onclick: async () => {
    await send('POST', '/logout');
    location.assign('/login');
  } }, 'Log out');
  header.replaceChildren(el('span', { class: 'brand' }, 'mibwatch'), el('nav', {}, links),
    el('span', { class: 'who' }, s.user + ' (' + s.role + ')'), logout);
}

renderNav();
