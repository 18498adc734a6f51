// Follow-through numbers (per learner and per cohort) and the mistake map (which rules and which
// sections draw findings and comments, per case study), from stored threads and head findings.
import type { CourseModule } from '../../core/index.ts';
import type { FollowThrough } from '../../core/review/api-types.ts';
import { sectionRanges } from '../../core/review/anchor.ts';
import type { Thread } from '../storage/review.ts';
import type { Finding } from './service.ts';

export type { FollowThrough };

/**
 * `addressedInNext`: of the threads that a later submitted revision followed, those whose first
 * "addressed" (stored as addressedAt; "won't change" is an answer, not a fix, and never sets it)
 * came before that next submission. Each thread's two times are fixed once set, so the number
 * does not depend on the order of later clicks (a reopen, another "addressed").
 */
export function followThrough(threads: Thread[]): FollowThrough {
  const followed = threads.filter((t) => t.nextSubmittedAt !== null);
  const inNext = followed.filter((t) => t.addressedAt !== null && t.addressedAt <= (t.nextSubmittedAt as string));
  const hours = threads
    .filter((t) => t.addressedAt !== null)
    .map((t) => (Date.parse(t.addressedAt as string) - Date.parse(t.createdAt)) / 3_600_000)
    .sort((a, b) => a - b);
  const mid = Math.floor(hours.length / 2);
  const median = hours.length === 0 ? null : hours.length % 2 ? (hours[mid] as number) : ((hours[mid - 1] as number) + (hours[mid] as number)) / 2;
  return {
    threads: threads.length,
    addressedInNext: { count: inNext.length, of: followed.length },
    medianHoursToAddress: median === null ? null : Math.round(median * 100) / 100,
    reopened: threads.filter((t) => t.reopened > 0).length,
    unanswered: threads.filter((t) => t.state === 'open' && t.writerAnsweredAt === null).length,
    resolved: threads.filter((t) => t.state === 'resolved').length,
  };
}

export interface MapArtifact {
  artifactId: string;
  kind: string | null;
  text: string;
  diagnostics: readonly Finding[];
}

export interface MistakeMapEntry {
  caseStudy: number | null;
  title: string;
  rules: { ruleId: string; findings: number; comments: number }[];
  sections: { section: string; findings: number; comments: number }[];
}

/** Per case study (by the artifact's kind), the rules and sections that draw findings and comments, most first. */
export function mistakeMap(module: CourseModule, artifacts: MapArtifact[], threads: Thread[]): MistakeMapEntry[] {
  const caseOf = (kind: string | null) => module.kinds.find((k) => k.id === kind)?.case ?? null;
  const kindOf = new Map(artifacts.map((a) => [a.artifactId, a.kind]));
  const groups = new Map<number | null, { rules: Map<string, [number, number]>; sections: Map<string, [number, number]> }>();
  const group = (cs: number | null) => {
    let g = groups.get(cs);
    if (!g) groups.set(cs, (g = { rules: new Map(), sections: new Map() }));
    return g;
  };
  const add = (m: Map<string, [number, number]>, key: string, which: 0 | 1) => {
    const v = m.get(key) ?? [0, 0];
    v[which]++;
    m.set(key, v);
  };
  for (const a of artifacts) {
    const g = group(caseOf(a.kind));
    const sections = sectionRanges(a.text);
    for (const d of a.diagnostics) {
      add(g.rules, d.ruleId, 0);
      const s = sections.filter((r) => r.start <= d.range[0] && d.range[0] < Math.max(r.end, r.start + 1)).pop();
      add(g.sections, s?.title ?? '(before the first heading)', 0);
    }
  }
  for (const t of threads) {
    const g = group(caseOf(kindOf.get(t.artifactId) ?? null));
    if (t.ruleId) add(g.rules, t.ruleId, 1);
    add(g.sections, t.anchor.section || '(before the first heading)', 1);
  }
  const sorted = (m: Map<string, [number, number]>) => [...m].map(([k, [f, c]]) => ({ key: k, findings: f, comments: c })).sort((a, b) => b.findings + b.comments - (a.findings + a.comments) || a.key.localeCompare(b.key));
  return [...groups]
    .sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
    .map(([cs, g]) => ({
      caseStudy: cs,
      title: cs === null ? 'Not tied to a case study' : `Case study ${cs}: ${module.caseStudies.find((c) => c.id === cs)?.title ?? ''}`.replace(/: $/, ''),
      rules: sorted(g.rules).map(({ key, ...n }) => ({ ruleId: key, ...n })),
      sections: sorted(g.sections).map(({ key, ...n }) => ({ section: key, ...n })),
    }));
}
