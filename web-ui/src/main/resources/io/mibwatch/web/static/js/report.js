// The red button: one big button per service, a confirmation, and the per-user rate limit.
import { getJson, send, el } from '/static/js/api.js';

const notice = document.getElementById('notice');

function say(text, kind) {
  notice.textContent = text;
  notice.className = 'notice ' + kind;
  notice.hidden = false;
}

function time(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function block(s) {
  const button = el('button', { type: 'button', class: 'redbutton', dataset: { service: s.name } },
    s.name + ' is slow / not working now');
  const confirm = el('div', { class: 'confirm', hidden: true },
    el('button', { type: 'button', class: 'yes' }, 'Yes, report ' + s.name),
    el('button', { type: 'button', class: 'no' }, 'Cancel'));
  if (s.rateLimitedUntil) {
    button.disabled = true;
    button.title = 'reported already; again after ' + time(s.rateLimitedUntil);
  }
  button.addEventListener('click', () => { confirm.hidden = false; confirm.querySelector('.yes').focus(); });
  confirm.querySelector('.no').addEventListener('click', () => { confirm.hidden = true; });
  confirm.querySelector('.yes').addEventListener('click', async () => {
    confirm.hidden = true;
    button.disabled = true;
    try {
      const r = await send('POST', '/api/services/' + encodeURIComponent(s.name) + '/complaints');
      say('Thank you - your report on ' + r.service + ' was recorded at ' + time(r.at) + '.', 'ok');
    } catch (e) {
      say(e.message, 'warn');
      if (e.status !== 429) button.disabled = false;
    }
  });
  return el('section', { class: 'service' }, button, confirm);
}

async function load() {
  try {
    const services = await getJson('/api/services');
    const box = document.getElementById('buttons');
    if (!services.length) { box.replaceChildren(el('p', { class: 'muted' }, 'No services to report on yet.')); return; }
    box.replaceChildren(...services.map(block));
  } catch (e) {
    say('Cannot load the services: ' + e.message, 'warn');
  }
}

load();
