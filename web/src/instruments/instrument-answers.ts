/**
 * Skip logic and completeness of an instrument's answers, kept apart from the form so the
 * staff entry and the portal read them the same way.
 *
 * The skip logic itself is the server's pure rule (an item is asked when the item it names
 * was asked and answered with the value: C-SSRS items 3–5 after a yes to item 2), so the
 * form hides exactly the items the scorer expects as null.
 */
import { askedItems } from '../../../src/instruments/definitions.ts';
import type { Answers, InstrumentDefinition } from './instrument-types.ts';

export { askedItems };

/** What is sent: the answers in item order, null for every item the skip logic hides. */
export function answersToSubmit(definition: InstrumentDefinition, answers: Answers): Answers {
  const asked = askedItems(definition, answers);
  return definition.items.map((_, i) => (asked[i] ? (answers[i] ?? null) : null));
}

/** Indexes of the asked items still without an answer. */
export function unansweredItems(definition: InstrumentDefinition, answers: Answers): number[] {
  const asked = askedItems(definition, answers);
  return definition.items.flatMap((_, i) => (asked[i] && (answers[i] ?? null) === null ? [i] : []));
}

/** "answers[3]" (a server problem's path) → 3. */
export function itemIndexOfPath(path: string): number | null {
  const match = /^answers\[(\d+)\]/.exec(path) ?? /^answers\.(\d+)/.exec(path);
  return match ? Number(match[1]) : null;
}

/** "question 3", "questions 3 and 7", "questions 2, 5 and 9" */
export function questionList(numbers: string[]): string {
  if (numbers.length === 1) return `question ${numbers[0]}`;
  return `questions ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}
