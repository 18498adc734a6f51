// Numbers and dates in a piece of text: "is there a deadline?", "is there a target?".
// A decimal or a percentage is a quantity, never a date: "0.3%" and "1.5 hours" are not the
// day-month dates 0.3 and 1.5.

const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred|half|double|twice|zero)\b/i;

/** A month's name or its abbreviation (a pattern source; "may" is also the modal: see `hasDate`). */
export const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A day of the week (a pattern source). */
export const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const UNIT = '(?:%|(?:percent|pp|x|ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|wks?|months?|years?|yrs?|sprints?|points?|people|engineers?|fte|k|m|gb|mb|tb)\\b)';
/** `12/3`, `3.4.2026`, `2026-05-14` (as its day-month tail): not a decimal or a range followed by a unit or `%`. */
const NUMERIC_DATE = `(?<![\\d.,])\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?(?![.,]?\\d)(?!\\s?${UNIT})`;
const RELATIVE = `${WEEKDAY}|today|tomorrow|end of (?:the )?(?:week|month|quarter|year|half|sprint)|(?:next|this) (?:week|month|quarter|half|sprint|year)|within \\w+ (?:days?|weeks?|months?)|in (?:\\w+ )?(?:weeks?|months?|quarters?)|by (?:the )?(?:end|eod|eow)`;
const DATE = new RegExp(`\\b(?:Q[1-4]|H[12]|(?:19|20)\\d\\d|${NUMERIC_DATE}|${MONTH}|${RELATIVE})\\b`, 'i');
/** What a date is made of, for taking dates out before looking for a quantity. */
const DATE_TOKENS = new RegExp(`\\b(?:[QH][1-4]|(?:19|20)\\d\\d|${NUMERIC_DATE}|\\d{1,2}(?:st|nd|rd|th)? ${MONTH}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?)\\b`, 'gi');

/** A digit or a number word ("two", "half"). */
export function hasNumber(text: string): boolean {
  return NUMBER.test(text);
}

/**
 * A date or deadline: a quarter, a year, a month, a weekday, `12/3`, "end of the quarter",
 * "within two weeks", "next year". The modal "may" ("Sam may present") is not the month; "by
 * May", "in May" and "May 14" are.
 */
export function hasDate(text: string): boolean {
  const months = text.replace(/\bmay\b(?!\s+\d)/gi, (m, at: number) => (/(?:\d|\b(?:in|by|of|early|mid|late|end of|until|before|after))\s*$/i.test(text.slice(Math.max(0, at - 12), at)) ? m : ' '));
  return DATE.test(months);
}

/** A number that is a quantity, not part of a date ("Q3", "30 June", "2027" do not count; "0.3%" does). */
export function hasQuantity(text: string): boolean {
  return hasNumber(text.replace(DATE_TOKENS, ' '));
}
