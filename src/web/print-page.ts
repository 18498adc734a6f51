// The printable pages' only script: a Print button, and saved times shown in the reader's own
// time zone (the server writes UTC, which stays when scripts are off).
const button = document.getElementById('print-button');
if (button instanceof HTMLButtonElement) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
for (const t of document.querySelectorAll<HTMLTimeElement>('time[datetime]')) {
  const d = new Date(t.dateTime);
  if (!Number.isNaN(d.getTime())) t.textContent = d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
