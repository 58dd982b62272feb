// Progressive enhancement only: every page works without JavaScript.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();

/**
 * Forms marked `data-autosave` (drafts kept server-side) are saved every 15 seconds while they are
 * being changed, and when the page is left, as the "autosave" action: the server keeps each save as
 * a new version of the draft and answers 204. Without JavaScript the Save draft button does the same.
 */
for (const form of document.querySelectorAll('form[data-autosave]')) {
  let changed = false;
  const status = document.createElement('p');
  status.className = 'govuk-body-s hearth-autosave-status';
  status.setAttribute('role', 'status');
  form.prepend(status);
  const save = (keepalive) => {
    if (!changed) return;
    changed = false;
    const body = new URLSearchParams(new FormData(form));
    body.set('action', 'autosave');
    fetch(form.action, { method: 'POST', body, keepalive, credentials: 'same-origin' })
      .then((response) => {
        status.textContent = response.ok ? `Draft saved at ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}` : 'The draft could not be saved: use Save draft';
        if (!response.ok) changed = true;
      })
      .catch(() => {
        changed = true;
        status.textContent = 'The draft could not be saved: check your connection, then use Save draft';
      });
  };
  form.addEventListener('input', () => (changed = true));
  form.addEventListener('change', () => (changed = true));
  form.addEventListener('submit', () => (changed = false));
  setInterval(() => save(false), 15000);
  window.addEventListener('pagehide', () => save(true));
}
