// The facts an executive summary's audience variants must agree on (summary/variants-disagree):
// calendar days, bare weekdays, quarters and months, durations, amounts of money and
// percentages, each normalised so that the same fact written two ways compares equal:
// `2025-03-09 02:00Z` = "Sunday 9 March, 2am" = "March 9th"; "two weeks" = "2-week" = "14 days";
// "$410k" = "$410,000". Counts of things ("256 GPUs", "3 engineers") are left out: a variant
// that adds a detail is not a variant that changes the decision.

export type FactGroup = 'date' | 'weekday' | 'quarter' | 'month' | 'duration' | 'money' | 'percent';

/** Where a date stands in a range: "from X to Y" gives a start and an end; anything else is a point. */
export type Slot = 'start' | 'end' | 'point';

export interface Fact {
  /** Offsets into the text the fact was read from. */
  start: number;
  end: number;
  /** The writer's words, for messages. */
  text: string;
  group: FactGroup;
  /** Normalised value; for a duration or an amount the unit is part of it (`min:20160`, `$:410000`). */
  value: string;
  slot: Slot;
  /** For a date: its day, and whether a time of day goes with it (then a zone may move it a day). */
  day?: { year?: number; month: number; date: number; timed: boolean };
  /** For a numeric date that reads both ways (`3/5/2025`: 3 May or March 5), the other reading. */
  alt?: { year?: number; month: number; date: number; timed: boolean };
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\\.?';
const ORDINAL = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d\\d)';
// A time of day right after a date: "9 March, 2am", "2025-03-09 02:00Z", "9 March at 21:00".
const TIME = /^[,\s]*(?:at\s+|from\s+|,\s*)?(?:\d{1,2}(?::\d\d)?\s*(?:am|pm)\b|\d{1,2}:\d\d|midnight|noon)/i;

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  ninety: 90,
  hundred: 100,
  half: 0.5,
};
const NUMBER = `(\\d+(?:[.,]\\d+)*|${Object.keys(NUMBER_WORDS).join('|')})`;
// Units that convert exactly, in minutes; months, quarters and years compare as themselves.
const MINUTES: Record<string, number> = {
  minute: 1,
  min: 1,
  hour: 60,
  hr: 60,
  day: 1440,
  week: 10080,
  fortnight: 20160,
};
const UNIT = '(minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|quarters?|years?|sprints?)';

interface Pattern {
  group: FactGroup;
  re: RegExp;
  read: (m: RegExpExecArray) => { value: string; day?: Fact['day']; alt?: Fact['day'] } | undefined;
}

const PATTERNS: Pattern[] = [
  // ISO first, so that `2025-03-09` is not read as anything else.
  {
    group: 'date',
    re: /\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T ]\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?/g,
    read: (m) => day(Number(m[2]) - 1, m[3], m[1], /[T ]\d/.test(m[0])),
  },
  {
    group: 'date',
    re: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?(?:the\\s+)?${ORDINAL}(?:\\s+of)?\\s+${MONTH}(?:,?\\s+${YEAR})?(?![\\w])`, 'gi'),
    read: (m) => day(monthIndex(m[2]), m[1], m[3]),
  },
  {
    group: 'date',
    re: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?${MONTH}\\.?\\s+(?:the\\s+)?${ORDINAL}(?![\\w:]|\\s*(?:%|am\\b|pm\\b))(?:,?\\s+${YEAR})?`, 'gi'),
    read: (m) => day(monthIndex(m[1]), m[2], m[3]),
  },
  // Day and month in numbers: day first unless that cannot be (`03/14/2025`).
  {
    group: 'date',
    re: /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)?\d\d)\b/g,
    read: (m) => numericDate(m),
  },
  {
    group: 'quarter',
    re: /\b(Q[1-4]|H[12])(?:\s+((?:19|20)\d\d|FY\d\d))?\b/g,
    read: (m) => ({
      value: `${(m[1] as string).toUpperCase()}${m[2] ? ` ${m[2]}` : ''}`,
    }),
  },
  {
    group: 'weekday',
    re: /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/gi,
    read: (m) => ({ value: (m[1] as string).toLowerCase() }),
  },
  // A month alone, where it names a time: "in April", "by end of June", "May 2025" (and never the verb "may").
  {
    group: 'month',
    re: new RegExp(`(?:\\b(?:in|by|until|till|from|to|through|since|before|after|early|mid|late|end of|start of|beginning of)(?:-|\\s+))${MONTH}(?:\\s+${YEAR})?\\b|\\b${MONTH}\\s+${YEAR}\\b`, 'gi'),
    read: (m) => {
      const i = monthIndex(m[1] ?? m[3]);
      // "may" in lower case is the verb.
      if (i === -1 || (m[1] ?? m[3]) === 'may') return undefined;
      return { value: `${i + 1}${(m[2] ?? m[4]) ? `/${m[2] ?? m[4]}` : ''}` };
    },
  },
  {
    group: 'money',
    re: /([$£€])\s?(\d+(?:[.,]\d+)*)\s?(k|m|bn|million|thousand|billion)?\b|\b(\d+(?:[.,]\d+)*)\s?(k|m|bn|million|thousand|billion)?\s?(USD|EUR|GBP|dollars|pounds|euros)\b/gi,
    read: (m) => {
      const currency = m[1] ?? { usd: '$', dollars: '$', eur: '€', euros: '€', gbp: '£', pounds: '£' }[(m[6] ?? '').toLowerCase()] ?? '?';
      return {
        value: `${currency}:${amount(m[2] ?? m[4] ?? '', m[3] ?? m[5])}`,
      };
    },
  },
  {
    group: 'percent',
    re: new RegExp(`(?<![\\w.])${NUMBER}\\s?(?:%|percent\\b|per cent\\b)`, 'gi'),
    read: (m) => ({ value: String(num(m[1] as string)) }),
  },
  {
    // "two weeks", "2-week", "14 days", "three hours"; not "every 15 minutes" (a frequency).
    group: 'duration',
    re: new RegExp(`(?<![\\w.$£€-])(?<!\\bevery\\s)(?<!\\bper\\s)${NUMBER}(?:\\s+|-)${UNIT}\\b`, 'gi'),
    read: (m) => {
      const n = num(m[1] as string);
      const unit = (m[2] as string).toLowerCase().replace(/s$/, '');
      if (!Number.isFinite(n)) return undefined;
      const minutes = MINUTES[unit];
      return { value: minutes ? `min:${n * minutes}` : `${unit}:${n}` };
    },
  },
];

function monthIndex(name: string | undefined): number {
  return MONTH_NAMES.indexOf((name ?? '').slice(0, 3).toLowerCase());
}

function day(month: number, date: string | undefined, year: string | undefined, timed = false): { value: string; day: Fact['day'] } | undefined {
  const d = Number(date);
  if (month < 0 || month > 11 || !(d >= 1 && d <= 31)) return undefined;
  const y = year ? Number(year.length === 2 ? `20${year}` : year) : undefined;
  return {
    value: `${month + 1}-${d}`,
    day: { ...(y ? { year: y } : {}), month: month + 1, date: d, timed },
  };
}

function numericDate(m: RegExpExecArray): { value: string; day: Fact['day']; alt?: Fact['day'] } | undefined {
  const a = Number(m[1]);
  const b = Number(m[2]);
  // Day first (most of the world) unless the first number cannot be a day's month partner.
  if (b > 12) return day(a - 1, m[2], m[3]);
  const read = day(b - 1, m[1], m[3]);
  // Both numbers can be the month: the month-first reading may be the one meant (US usage).
  const other = a <= 12 && a !== b ? day(a - 1, m[2], m[3]) : undefined;
  return read && other ? { ...read, alt: other.day } : read;
}

function num(text: string): number {
  const word = NUMBER_WORDS[text.toLowerCase()];
  return word ?? Number(text.replace(/,/g, ''));
}

function amount(text: string, scale: string | undefined): number {
  const factor = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, bn: 1e9, billion: 1e9 }[(scale ?? '').toLowerCase()] ?? 1;
  return Math.round(num(text) * factor);
}

/**
 * The facts in `text` (offsets are relative to it, plus `offset`), in order. HTML comments must
 * already be blanked out: a skeleton's hint is not the writer's fact.
 */
export function factsIn(text: string, offset = 0): Fact[] {
  const out: Fact[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      // The first pattern to claim a span wins: "14 May" is a date, not also a count of Mays.
      if (out.some((o) => o.start < end + offset && start + offset < o.end)) continue;
      const read = p.read(m);
      if (!read) continue;
      const fact: Fact = {
        start: start + offset,
        end: end + offset,
        text: m[0].trim(),
        group: p.group,
        value: read.value,
        slot: 'point',
      };
      if (read.day)
        fact.day = {
          ...read.day,
          timed: read.day.timed || TIME.test(text.slice(end, end + 24)),
        };
      if (read.alt && fact.day) fact.alt = { ...read.alt, timed: fact.day.timed };
      out.push(fact);
    }
  }
  out.sort((a, b) => a.start - b.start);
  markRanges(text, offset, out);
  return out;
}

// "from 2 December to 6 January", "2-6 January", "between 1 and 14 May", "until 13 January".
const RANGE_JOIN = /^\s*(?:to|until|till|through|thru|and|[-–—])\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?$/i;
const END_CUE = /\b(?:until|till|through|thru|ends?(?:\s+on)?|ending(?:\s+on)?)\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?$/i;

function markRanges(text: string, offset: number, facts: Fact[]): void {
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as Fact;
    if (f.group !== 'date' && f.group !== 'month' && f.group !== 'weekday') continue;
    const next = facts[i + 1];
    if (next && next.group === f.group && RANGE_JOIN.test(text.slice(f.end - offset, next.start - offset))) {
      f.slot = 'start';
      next.slot = 'end';
      i++;
      continue;
    }
    if (END_CUE.test(text.slice(Math.max(0, f.start - offset - 24), f.start - offset))) f.slot = 'end';
  }
}

/** Whether two facts of one group could state the same thing. */
export function sameFact(a: Fact, b: Fact): boolean {
  if (a.group !== b.group) return false;
  if (a.group !== 'date' || !a.day || !b.day) return a.value === b.value;
  // A time of day in some zone can fall on the neighbouring calendar day in another.
  const slack = a.day.timed || b.day.timed ? 1 : 0;
  // A numeric date that reads both ways is the same day if either reading is.
  const readings = (f: Fact) => [f.day, f.alt].filter((d): d is NonNullable<Fact['day']> => d !== undefined);
  return readings(a).some((x) => readings(b).some((y) => dayDistance(x, y) <= slack));
}

/** Days between two dates; a missing year is taken from the other date (or ignored). */
function dayDistance(a: NonNullable<Fact['day']>, b: NonNullable<Fact['day']>): number {
  if (a.year !== undefined && b.year !== undefined) return Math.abs(Date.UTC(a.year, a.month - 1, a.date) - Date.UTC(b.year, b.month - 1, b.date)) / 864e5;
  // A leap year, so that 29 February exists; the distance wraps around New Year.
  const yearLength = 366;
  const diff = Math.abs(Date.UTC(2000, a.month - 1, a.date) - Date.UTC(2000, b.month - 1, b.date)) / 864e5;
  return Math.min(diff, yearLength - diff);
}

/**
 * Whether facts in the same place of two variants describe the same thing, so that different
 * values are a disagreement: a range's end is not compared with another range's start.
 */
export function comparable(a: Fact, b: Fact): boolean {
  return a.group === b.group && (a.slot === b.slot || a.slot === 'point' || b.slot === 'point');
}
