// Notes and emails open with a greeting and end with a sign-off; neither is the writer's content
// (background, a decision, an ask). Short lines only: "Hi all," is a greeting, "Hi all, we will
// move the launch" is not only one.
import { hasDate } from './numbers.ts';

const GREETING = /^\W*(?:hi|hello|hey|dear|morning|good (?:morning|afternoon|evening)|greetings|hiya|folks|team|all)\b[^.!?\n]{0,40}[,!:.\u2014-]?\s*$/i;
const SIGN_OFF = /^\W*(?:thanks|thank you|many thanks|cheers|best|best regards|regards|kind regards|warm regards|all the best|speak soon|talk soon|ta|sincerely|yours)\b[^.!?\n]{0,30}[,!.]?\s*(?:\n\s*[\p{L}][\p{L} .'-]{0,40})?\s*$/iu;

/** Whether a line or short paragraph is a greeting ("Hi all,", "Morning team —"). */
export function isGreeting(text: string): boolean {
  return text.length <= 60 && GREETING.test(text.trim());
}

/** Whether a short paragraph is a sign-off, with or without the name under it ("Thanks,\nDana"). */
export function isSignOff(text: string): boolean {
  return text.length <= 80 && SIGN_OFF.test(text.trim());
}

// "From 3 March, after-hours calls go to Northside", "Starting Monday 6 May, ...": a change that
// takes effect on a date is a decision stated as a fact.
const FROM_DATE = /^\W*(?:from|starting|as of|effective|beginning)\s+([^,.;\n]{2,40})[,\s]/i;

/** Whether a sentence opens with the date from which something holds. */
export function opensFromDate(text: string): boolean {
  const m = FROM_DATE.exec(text);
  return m !== null && hasDate(m[1] as string);
}
