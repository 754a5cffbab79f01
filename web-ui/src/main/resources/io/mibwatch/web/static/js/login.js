// The login form posts as a plain HTML form (works without this script); this only carries
// ?next= into the form and shows why the last attempt failed. Messages are fixed texts chosen
// by code, never text from the URL.
const MESSAGES = {
  bad: 'Wrong user name or password.',
  locked: 'Too many failed attempts. Wait a few minutes and try again.',
};
const params = new URLSearchParams(location.search);
const next = params.get('next');
if (next) document.getElementById('next').value = next;
const message = MESSAGES[params.get('error')];
if (message) {
  const p = document.getElementById('login-error');
  p.textContent = message;
  p.hidden = false;
}
