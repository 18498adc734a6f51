// The format of a course module (modules/<id>/module.yaml), documented in modules/README.md.
import { z } from 'zod';

const text = z.string().min(1);

export const SectionDefSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'section ids are kebab-case'),
    title: text,
    synonyms: z.array(text).default([]),
    /** Headings that hold this section in a document already known to be of this kind, but never make a document this kind ("Proposal"). */
    fallbackSynonyms: z.array(text).default([]),
    /** What the content of this section looks like, so a section under an unknown heading that plainly plays it is recognised. */
    content: z.enum(['exclusions']).optional(),
    /**
     * A lexicon whose words a section playing this part uses ("visible-moment"): a heading staffwork does not know is
     * a candidate for it only when its text has one, so a part that is truly absent is reported missing.
     */
    cues: text.optional(),
    /**
     * The part is missing unless its text uses a cue, even under its own name: a "Visibility" of private praise
     * ("good work speaks for itself") is not a visibility moment (structure/required-section).
     */
    cuesRequired: z.boolean().default(false),
    /**
     * A lexicon of what a sentence that plays this part says ("could you approve", "I'll stay out of"): a required
     * part no heading names but a sentence or table row says is reported where it seems to be (a warning), not missing.
     */
    says: text.optional(),
    required: z.boolean().default(false),
    hint: text.optional(),
  })
  .strict();

export const KindDefSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'kind ids are kebab-case'),
    name: text,
    case: z.number().int().positive().optional(),
    source: text.optional(),
    audiences: z.array(text).optional(),
    /** Words in a document's title that name this kind ("ADR", "escalation"): with two required sections, enough to infer it. */
    titles: z.array(text).default([]),
    sections: z.array(SectionDefSchema).min(1),
  })
  .strict();

export const CaseStudySchema = z
  .object({
    id: z.number().int().positive(),
    slug: z.string().regex(/^[a-z][a-z0-9-]*$/),
    kind: text,
    title: text,
    scenario: text,
    sourceAnchor: text,
    concepts: z.array(text),
    wrongApproach: text,
    betterApproach: z
      .object({
        intro: text,
        fields: z.array(z.object({ label: text, value: z.array(text) }).strict()),
      })
      .strict(),
    tradeoffTable: z.object({ columns: z.array(text).min(2), rows: z.array(z.array(z.string())).min(1) }).strict(),
    requiredArtifact: text,
  })
  .strict();

export const CriterionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    description: text,
    kind: text.optional(),
    min: z.number().int().positive(),
    complete: z.boolean().default(false),
    sections: z.array(text).default([]),
    clean: z.array(text).default([]),
  })
  .strict();

export const CourseModuleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: text,
    summary: text.optional(),
    kinds: z.array(KindDefSchema).min(1),
    caseStudies: z.array(CaseStudySchema),
    sources: z.array(z.object({ source: text, use: text }).strict()).default([]),
    completion: z.array(CriterionSchema).default([]),
  })
  .strict()
  .superRefine((m, ctx) => {
    const kinds = new Set(m.kinds.map((k) => k.id));
    m.caseStudies.forEach((c, i) => {
      if (!kinds.has(c.kind)) ctx.addIssue({ code: 'custom', path: ['caseStudies', i, 'kind'], message: `unknown kind "${c.kind}"` });
    });
    m.completion.forEach((c, i) => {
      if (c.kind && !kinds.has(c.kind)) ctx.addIssue({ code: 'custom', path: ['completion', i, 'kind'], message: `unknown kind "${c.kind}"` });
      const kind = m.kinds.find((k) => k.id === c.kind);
      for (const s of c.sections) {
        if (kind && !kind.sections.some((d) => d.id === s)) {
          ctx.addIssue({ code: 'custom', path: ['completion', i, 'sections'], message: `kind "${c.kind}" has no section "${s}"` });
        }
      }
    });
  });

export type SectionDef = z.infer<typeof SectionDefSchema>;
export type KindDef = z.infer<typeof KindDefSchema>;
export type CaseStudy = z.infer<typeof CaseStudySchema>;
export type Criterion = z.infer<typeof CriterionSchema>;
export type CourseModule = z.infer<typeof CourseModuleSchema>;

/** Validates module data; throws an Error whose message lists every problem, one per line. */
export function loadModule(data: unknown): CourseModule {
  const result = CourseModuleSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`invalid course module: ${problems.join('; ')}`);
}
