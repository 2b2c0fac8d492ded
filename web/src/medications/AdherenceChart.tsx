import { Group, Paper, Stack, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { addDays, formatWeek, weekStartOf } from '../time/dates.ts';
import { DOSE_OUTCOME_LABELS } from './medication-labels.ts';
import type { DoseOutcome, DoseRecord } from './medication-types.ts';

const OUTCOMES: DoseOutcome[] = ['given', 'refused', 'missed', 'held'];

interface WeekRow {
  weekStart: string;
  label: string;
  given: number;
  missed: number;
  refused: number;
  held: number;
}

/** Observed doses per week (Monday weeks), stacked by what happened, oldest week on the left. */
export function AdherenceChart({ doses, from, to }: { doses: DoseRecord[]; from: string; to: string }) {
  if (doses.length === 0) return null;
  const weeks: WeekRow[] = [];
  for (let w = weekStartOf(from, 1); w <= to; w = addDays(w, 7)) {
    weeks.push({ weekStart: w, label: new Date(`${w}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }), given: 0, missed: 0, refused: 0, held: 0 });
  }
  for (const d of doses) {
    const row = weeks.find((w) => w.weekStart === weekStartOf(d.scheduledOn, 1));
    if (row) row[d.outcome] += 1;
  }
  return (
    <div role="img" aria-label="Observed doses per week: given, refused, missed and held; the doses are listed below the chart.">
      <ResponsiveContainer width="100%" height={170}>
        <BarChart data={weeks} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--mantine-color-gray-3)" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} tickLine={false} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} tickLine={false} axisLine={false} width={28} />
          {OUTCOMES.map((o) => (
            <Bar key={o} dataKey={o} stackId="doses" name={DOSE_OUTCOME_LABELS[o].label} fill={DOSE_OUTCOME_LABELS[o].chart} isAnimationActive={false} maxBarSize={36} />
          ))}
          <Tooltip content={<WeekTooltip />} cursor={{ fill: 'var(--mantine-color-gray-1)' }} />
        </BarChart>
      </ResponsiveContainer>
      <Group gap="md" justify="center" aria-hidden>
        {OUTCOMES.map((o) => (
          <Group gap={4} key={o} wrap="nowrap">
            <span style={{ width: 10, height: 10, background: DOSE_OUTCOME_LABELS[o].chart, display: 'inline-block', borderRadius: 2 }} />
            <Text size="xs">{DOSE_OUTCOME_LABELS[o].label}</Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}

function WeekTooltip({ active, payload }: { active?: boolean; payload?: { payload: WeekRow }[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <Paper withBorder shadow="sm" p="xs" radius="sm">
      <Stack gap={2}>
        <Text size="sm" fw={700}>
          {formatWeek(row.weekStart, addDays(row.weekStart, 6))}
        </Text>
        {OUTCOMES.map((o) => (
          <Text size="sm" key={o}>
            {DOSE_OUTCOME_LABELS[o].label}: {row[o]}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
