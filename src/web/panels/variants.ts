// The audience variants panel: the artifacts of this summary's `set:`, each with its status
// (errors, warnings, and where it disagrees with a sibling), and a form to add a variant.
import type { DraftCheck } from '../draft-check.ts';
import type { SetMember } from '../api.ts';
import { h, plural } from '../dom.ts';
import { AUDIENCES, audienceName } from '../variants.ts';

export interface VariantsState {
  id: string;
  analysis: DraftCheck;
  /** The other members, as the server gave them. */
  others: SetMember[];
  addVariant(audience: string): Promise<void>;
}

/** A key of what the panel shows, so the caller re-renders only when it changed (focus stays in the form while typing). */
export function variantsKey(s: VariantsState | undefined): string {
  if (!s) return '';
  const a = s.analysis;
  return JSON.stringify([
    show(a),
    a.set,
    a.audience,
    a.title,
    status(a.diagnostics.filter((d) => d.severity === 'error').length, a.diagnostics.filter((d) => d.severity === 'warning').length),
    a.disagreements,
    s.others.map((m) => [m.artifact.id, m.audience, m.artifact.title]),
    a.members,
  ]);
}

function show(a: DraftCheck): boolean {
  return a.kind?.id === 'exec-summary' || a.set !== null;
}

function status(errors: number, warnings: number): string {
  if (!errors && !warnings) return 'clean';
  return [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
}

export function renderVariants(panel: HTMLElement, s: VariantsState): void {
  const a = s.analysis;
  panel.hidden = !show(a);
  if (panel.hidden) return;
  const present = new Set([a.audience, ...s.others.map((m) => m.audience)]);
  const missing = AUDIENCES.filter((x) => !present.has(x.id));
  const count = (sev: string) => a.diagnostics.filter((d) => d.severity === sev).length;
  const rows = [
    { id: s.id, audience: a.audience ?? 'executive', title: a.title, status: status(count('error'), count('warning')), disagreements: a.disagreements },
    ...s.others.map((m) => {
      const st = a.members.find((x) => x.id === m.artifact.id);
      return { id: m.artifact.id, audience: m.audience, title: m.artifact.title, status: st ? status(st.errors, st.warnings) : 'not checked yet', disagreements: st?.disagreements ?? [] };
    }),
  ];
  const order = (x: string) => {
    const i = AUDIENCES.findIndex((y) => y.id === x);
    return i === -1 ? AUDIENCES.length : i;
  };
  rows.sort((x, y) => order(x.audience) - order(y.audience));
  const select = h(
    'select',
    { id: 'variant-audience', name: 'audience' },
    missing.map((x) => h('option', { value: x.id }, x.name)),
  );
  const addBtn = h('button', { type: 'submit', class: 'button small', id: 'add-variant' }, 'Add variant');
  const form = h(
    'form',
    {
      class: 'variant-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        addBtn.disabled = true;
        void s.addVariant(select.value).finally(() => (addBtn.disabled = false));
      },
    },
    h('label', { for: 'variant-audience' }, 'Add a variant for another audience'),
    h('div', { class: 'variant-add' }, select, addBtn),
  );
  const anyDisagree = rows.some((r) => r.disagreements.length);
  panel.replaceChildren(
    h('h2', { id: 'variants-h' }, 'Audience variants'),
    a.set
      ? h('p', { class: 'muted small' }, 'Set ', h('code', {}, a.set), ': one summary for each reader. They are checked together as you type, so a date or number that differs shows up here.')
      : h('p', { class: 'muted small' }, 'Case study 5 asks for this summary for executive, peer and junior readers. Adding a variant names a set after the title and puts both in it.'),
    h(
      'ul',
      { class: 'variant-list', id: 'variant-list' },
      rows.map((r) =>
        h(
          'li',
          { 'data-variant': r.id },
          h('span', { class: 'variant-audience' }, audienceName(r.audience)),
          h(
            'span',
            { class: 'variant-main' },
            r.id === s.id ? h('span', { 'aria-current': 'page' }, r.title, h('span', { class: 'muted small' }, ' (this one)')) : h('a', { href: `/artifacts/${r.id}` }, r.title),
            h('span', { class: `variant-status small ${r.status === 'clean' ? 'ok' : ''}` }, r.status),
            r.disagreements.length ? h('span', { class: 'variant-disagrees small' }, 'Disagrees: ', r.disagreements.join(' ')) : null,
          ),
        ),
      ),
    ),
    ...(anyDisagree ? [h('p', { class: 'small variant-warning', role: 'note' }, 'The variants disagree on a fact: make them tell the same story before you send any of them.')] : []),
    missing.length ? form : h('p', { class: 'muted small' }, 'Every audience has a variant.'),
  );
}
