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

/**
 * Weekly attended hours as bars against each week's band (shaded from minimum to maximum);
 * the part of this week still scheduled is the pale stack on top. The table below carries
 * the same figures for screen readers.
 */
export function HoursChart({ weeks }: { weeks: WeeklyHours[] }) {
  const data: Point[] = weeks.map((w) => ({ weekStart: w.weekStart, week: w, attended: w.attendedHours, remaining: w.weekOver ? 0 : w.remainingScheduledHours }));
  const top = Math.max(4, ...weeks.map((w) => Math.max(w.attendedHours + (w.weekOver ? 0 : w.remainingScheduledHours), w.band?.maxHoursPerWeek ?? 0)));
  return (
    <div>
      <div role="img" aria-label="Chart of weekly attended hours against the required band; the same figures are in the table below.">
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} barCategoryGap="28%">
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--mantine-color-gray-3)" />
            <XAxis dataKey="weekStart" tickFormatter={shortDay} tick={{ fontSize: 12 }} tickLine={false} />
            <YAxis tick={{ fontSize: 12 }} tickLine={false} axisLine={false} unit=" h" width={48} allowDecimals={false} domain={[0, Math.ceil(top + 1)]} />
            {weeks
              .filter((w) => w.band)
              .map((w) => (
                <ReferenceArea
                  key={w.weekStart}
                  x1={w.weekStart}
                  x2={w.weekStart}
                  y1={w.band!.minHoursPerWeek}
                  y2={w.band!.maxHoursPerWeek}
                  fill={BAND_FILL}
                  fillOpacity={1}
                  stroke={BAND_EDGE}
                  strokeDasharray="4 3"
                  ifOverflow="extendDomain"
                />
              ))}
            <Bar dataKey="attended" stackId="h" name="Attended" isAnimationActive={false}>
              {data.map((p) => (
                <Cell key={p.weekStart} fill={BAR_COLORS[p.week.status] ?? OTHER} />
              ))}
            </Bar>
            <Bar dataKey="remaining" stackId="h" name="Still scheduled" fill={REMAINING} radius={[4, 4, 0, 0]} isAnimationActive={false} />
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
