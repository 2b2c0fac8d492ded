/** How questionnaires and plan objectives read to a patient: plain words, no clinical codes. */
import { formatDay } from '../time/dates.ts';
import type { PlanObjective, PortalDueQuestionnaire } from './portal-care-types.ts';

const REASONS: Record<PortalDueQuestionnaire['reason'], string> = {
  admission: 'For the start of your program',
  periodic: 'Regular check-in',
  discharge: 'Before you finish your program',
};

/** "For the start of your program · due since Tue 24 Nov" */
export function dueSentence(q: PortalDueQuestionnaire, today: string): string {
  const when = q.dueOn >= today ? 'due today' : `due since ${formatDay(q.dueOn)}`;
  return `${REASONS[q.reason]} · ${when}`;
}

/** "9 questions"; "Up to 7 questions" when some are asked only after certain answers. */
export function questionCount(q: PortalDueQuestionnaire): string {
  const all = q.definition.items.length;
  const always = q.definition.items.filter((i) => !i.askedWhen).length;
  if (always < all) return `Up to ${all} questions`;
  return all === 1 ? '1 question' : `${all} questions`;
}

const INSTRUMENT_WORDS: Record<string, string> = {
  phq9: 'mood questionnaire (PHQ-9)',
  gad7: 'anxiety questionnaire (GAD-7)',
  audit: 'alcohol questionnaire (AUDIT)',
  dast10: 'drug use questionnaire (DAST-10)',
};

const SESSION_WORDS: Record<string, string> = {
  process: 'process group',
  psychoeducation: 'education group',
  relapse_prevention: 'relapse prevention group',
  skills: 'skills group',
  family: 'family',
  twelve_step_facilitation: 'twelve-step group',
  specialty: 'specialty group',
  individual: 'individual',
};

/** What the objective asks for, in the patient's words: "Attend at least 90% of your sessions over 4 weeks". */
export function targetSentence(o: PlanObjective): string {
  const m = o.metric;
  switch (m.kind) {
    case 'attendance_rate':
      return `Attend at least ${o.target}% of your sessions over ${m.weeks === 1 ? '1 week' : `${m.weeks} weeks`}`;
    case 'weeks_hours_met':
      return `${o.target} ${o.target === 1 ? 'week' : 'weeks in a row'} with all your hours and days`;
    case 'instrument_score_below':
      return `A score below ${o.target} on the ${INSTRUMENT_WORDS[m.instrument] ?? m.instrument}`;
    case 'sessions_attended':
      return `Attend ${o.target} ${SESSION_WORDS[m.sessionKind] ?? m.sessionKind.replaceAll('_', ' ')} ${o.target === 1 ? 'session' : 'sessions'}`;
    case 'custom':
      return `${o.target} ${m.unit}`;
  }
}
