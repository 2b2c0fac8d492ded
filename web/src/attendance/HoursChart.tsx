import { Group, Paper, Text } from '@mantine/core';
import { Bar, CartesianGrid, Cell, ComposedChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeeklyHours } from '../api/types.ts';
import { formatHours, formatWeek } from '../time/dates.ts';
import { hoursStatus } from './attendance-labels.ts';

const BAR_COLORS: Record<string, string> = {
  on_track: 'var(--mantine-color-teal-6)',
  at_risk: 'var(--mantine-color-orange-6)',
  below_minimum: 'var(--mantine-color-red-7)',
  above_maximum: 'var(--mantine-color-grape-6)',
};
const OTHER = 'var(--mantine-color-gray-5)';
const BAND_FILL = 'var(--mantine-color-indigo-1)';
const BAND_EDGE = 'var(--mantine-color-indigo-5)';
const REMAINING = 'var(--mantine-color-gray-3)';

interface Point {
  weekStart: string;
  week: WeeklyHours;
  attended: number;
  remaining: number;
}

const shortDay = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** A y-axis in clean steps (0, 3, 6, 9, 12, 15 …) reaching a step above the highest value. */
function hoursAxis(top: number): { max: number; ticks: number[] } {
  const step = [1, 3, 6, 12, 24, 48].find((s) => Math.floor(top / s) + 1 <= 7) ?? 96;
  const max = step * (Math.floor(top / step) + 1);
  return { max, ticks: Array.from({ length: max / step + 1 }, (_, i) => i * step) };
}

interface BandRun {
  from: string;
  to: string;
  min: number;
  max: number;
}

/** Consecutive weeks with the same band, drawn as one shaded area behind their bars. */
function bandRuns(weeks: WeeklyHours[]): BandRun[] {
  const runs: BandRun[] = [];
  let previous: WeeklyHours | null = null;
  for (const w of weeks) {
    const last = runs[runs.length - 1];
    if (w.band && last && previous?.band && previous.band.minHoursPerWeek === w.band.minHoursPerWeek && previous.band.maxHoursPerWeek === w.band.maxHoursPerWeek) {
      last.to = w.weekStart;
    } else if (w.band) {
      runs.push({ from: w.weekStart, to: w.weekStart, min: w.band.minHoursPerWeek, max: w.band.maxHoursPerWeek });
    }
    previous = w;
  }
  return runs;
}

/**
 * Weekly attended hours as bars in front of the required band (shaded from minimum to
 * maximum, over the weeks it applies to), so a bar reaching into the shade is inside the band;
 * the part of this week still scheduled is the pale stack on top. The table below carries
 * the same figures for screen readers.
 */
export function HoursChart({ weeks }: { weeks: WeeklyHours[] }) {
  const data: Point[] = weeks.map((w) => ({ weekStart: w.weekStart, week: w, attended: w.attendedHours, remaining: w.weekOver ? 0 : w.remainingScheduledHours }));
  const top = Math.max(3, ...weeks.map((w) => Math.max(w.attendedHours + (w.weekOver ? 0 : w.remainingScheduledHours), w.band?.maxHoursPerWeek ?? 0)));
  const axis = hoursAxis(top);
  const runs = bandRuns(weeks);
  // One band over every week: shade the whole width, edge to edge.
  const whole = runs.length === 1 && runs[0]!.from === weeks[0]?.weekStart && runs[0]!.to === weeks[weeks.length - 1]?.weekStart;
  return (
    <div>
      <div role="img" aria-label="Chart of weekly attended hours against the required band; the same figures are in the table below.">
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} barCategoryGap="28%">
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--mantine-color-gray-3)" />
            <XAxis dataKey="weekStart" tickFormatter={shortDay} tick={{ fontSize: 12 }} tickLine={false} />
            <YAxis tick={{ fontSize: 12 }} tickLine={false} axisLine={false} unit=" h" width={48} domain={[0, axis.max]} ticks={axis.ticks} interval={0} />
            {runs.map((r) => (
              <ReferenceArea
                key={r.from}
                {...(whole ? {} : { x1: r.from, x2: r.to })}
                y1={r.min}
                y2={r.max}
                fill={BAND_FILL}
                fillOpacity={1}
                stroke={BAND_EDGE}
                strokeDasharray="4 3"
                ifOverflow="hidden"
              />
            ))}
            <Bar dataKey="attended" stackId="h" name="Attended" maxBarSize={56} isAnimationActive={false}>
              {data.map((p) => (
                <Cell key={p.weekStart} fill={BAR_COLORS[p.week.status] ?? OTHER} />
              ))}
            </Bar>
            <Bar dataKey="remaining" stackId="h" name="Still scheduled" fill={REMAINING} maxBarSize={56} radius={[4, 4, 0, 0]} isAnimationActive={false} />
            <Tooltip content={<WeekTooltip />} cursor={{ fill: 'var(--mantine-color-gray-0)', fillOpacity: 0.5 }} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <Group gap="lg" justify="center" mt={4} aria-hidden>
        <Swatch color={BAND_FILL} border={BAND_EDGE} label="Required band (min–max)" />
        <Swatch color={BAR_COLORS.on_track!} label="On track" />
        <Swatch color={BAR_COLORS.at_risk!} label="At risk" />
        <Swatch color={BAR_COLORS.below_minimum!} label="Below minimum" />
        <Swatch color={BAR_COLORS.above_maximum!} label="Above maximum" />
        <Swatch color={OTHER} label="Not judged" />
        <Swatch color={REMAINING} label="Still scheduled" />
      </Group>
    </div>
  );
}

function Swatch({ color, border, label }: { color: string; border?: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span style={{ width: 12, height: 12, borderRadius: 2, background: color, border: border ? `1px dashed ${border}` : undefined, display: 'inline-block' }} />
      <Text size="xs">{label}</Text>
    </Group>
  );
}

function WeekTooltip({ active, payload }: { active?: boolean; payload?: { payload: Point }[] }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  const w = point.week;
  return (
    <Paper withBorder shadow="sm" p="xs" radius="sm">
      <Text size="sm" fw={700}>
        {formatWeek(w.weekStart, w.weekEnd)}
      </Text>
      <Text size="sm">
        Attended {formatHours(w.attendedHours)} h of {formatHours(w.scheduledHours)} h scheduled
      </Text>
      {w.band && (
        <Text size="sm">
          Required {w.band.minHoursPerWeek}–{w.band.maxHoursPerWeek} h{w.phaseName ? ` (${w.phaseName})` : ''}
        </Text>
      )}
      <Text size="sm" fw={600}>
        {hoursStatus(w.status).label}
      </Text>
    </Paper>
  );
}
