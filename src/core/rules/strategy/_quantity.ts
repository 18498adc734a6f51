// Numbers the strategy rules read: a target in a metric, evidence in a diagnosis. A year or a
// quarter is a date, not a quantity ("a top priority in 2025" measures nothing).
import { hasTarget } from '../units.ts';

/** "0.3%" and "1.5 hours" are quantities, not the dates 0.3 and 1.5 (day.month) a date reading takes them for. */
export function wholeQuantities(text: string): string {
  return text.replace(/(\d+)[.,]\d+(?![.,/-]?\d)(?=\s?(?:%|[a-z]))/gi, '$1');
}

/** A number in the text that is not part of a date. */
export function hasQuantity(text: string): boolean {
  return hasTarget(wholeQuantities(text));
}
