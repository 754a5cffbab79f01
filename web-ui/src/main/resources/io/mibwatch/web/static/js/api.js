// The one way page modules talk to the server (contract shared by every page).
// - GET /api/session answers {user, role, csrf} for a logged-in session, 401 otherwise.
// - Every state-changing request carries the session's CSRF token in X-CSRF-Token.
// - Errors come back as {"error": "..."}; they are thrown as ApiError with that message.
// - Build DOM with el(): text goes through textContent, never innerHTML, because device
//   strings (sysDescr, ifAlias) may contain markup.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let sessionPromise = null;

/** The current session {user, role, csrf}; redirects to the login page when there is none. */
export function session() {
  if (!sessionPromise) {
    sessionPromise = fetch('/api/session', { credentials: 'same-origin' }).then(async (r) => {
      if (r.status === 401) {
        location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));
        throw new ApiError(401, 'login required');
      }
      if (!r.ok) throw new ApiError(r.status, 'session check failed');
      return r.json();
    });
  }
  return sessionPromise;
}

async function answer(r) {
  const text = await r.text();
  const body = text ? JSON.parse(text) : null;
  if (r.status === 401) {
    location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));
  }
  if (!r.ok) throw new ApiError(r.status, (body && body.error) || r.statusText);
  return body;
}

export async function getJson(path) {
  return answer(await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }));
}

/** POST/PUT/DELETE with a JSON body and the CSRF token. */
export async function send(method, path, body) {
  const s = await session();
  const headers = { Accept: 'application/json', 'X-CSRF-Token': s.csrf };
  const init = { method, credentials: 'same-origin', headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return answer(await fetch(path, init));
}

/** el('td', {class: 'sev-critical', title: t}, 'text', childNode) - safe DOM building. */
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
