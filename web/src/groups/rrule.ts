/** Weekday checkboxes + interval ⇄ an RFC 5545 RRULE such as FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,TH. */
import { WEEKDAYS } from '../time/dates.ts';

export interface SimpleRule {
  /** ISO weekdays as strings, '1' = Monday */
  days: string[];
  /** every N weeks */
  interval: number;
}

export function ruleOf(simple: SimpleRule): string {
  const days = [...simple.days].sort().map((d) => WEEKDAYS[Number(d) - 1]!.rrule);
  return `FREQ=WEEKLY${simple.interval > 1 ? `;INTERVAL=${simple.interval}` : ''};BYDAY=${days.join(',')}`;
}

/** The simple form of a rule, or null when it uses more than weekdays and an interval. */
export function simpleOf(rrule: string): SimpleRule | null {
  const parts = new Map(
    rrule
      .replace(/^RRULE:/i, '')
      .split(';')
      .filter(Boolean)
      .map((p) => p.split('=') as [string, string]),
  );
  if (parts.get('FREQ')?.toUpperCase() !== 'WEEKLY') return null;
  for (const key of parts.keys()) if (!['FREQ', 'INTERVAL', 'BYDAY', 'WKST'].includes(key.toUpperCase())) return null;
  const interval = Number(parts.get('INTERVAL') ?? '1');
  const codes = (parts.get('BYDAY') ?? '').toUpperCase().split(',').filter(Boolean);
  const days = codes.map((c) => WEEKDAYS.findIndex((w) => w.rrule === c) + 1);
  if (!Number.isInteger(interval) || interval < 1 || days.some((d) => d < 1)) return null;
  return { days: days.map(String), interval };
}

/** "Mon, Wed, Thu · every week" */
export function describeRule(rrule: string): string {
  const simple = simpleOf(rrule);
  if (!simple) return rrule;
  const days = [...simple.days].sort().map((d) => WEEKDAYS[Number(d) - 1]!.short).join(', ');
  return `${days} · ${simple.interval === 1 ? 'every week' : `every ${simple.interval} weeks`}`;
}
