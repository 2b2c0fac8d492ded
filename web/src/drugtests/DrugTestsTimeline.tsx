import { Group, Paper, Stack, Text } from '@mantine/core';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate } from '../time/dates.ts';
import { OUTCOME_LABELS, REASON_LABELS } from './drug-test-labels.ts';
import type { DrugTestListItem, DrugTestOutcome } from './drug-test-types.ts';

const DAY_MS = 86_400_000;

/** Rows of the chart, top to bottom: what needs attention sits highest. */
const ROWS = [
  { key: 'positive', label: 'Positive / refused', color: 'var(--mantine-color-red-7)', outcomes: ['unexpected_positive', 'refused'] },
  { key: 'invalid', label: 'Invalid specimen', color: 'var(--mantine-color-grape-7)', outcomes: ['invalid_specimen'] },
  { key: 'missing', label: 'Prescribed missing', color: 'var(--mantine-color-orange-7)', outcomes: ['missing_expected'] },
  { key: 'clear', label: 'Negative / expected', color: 'var(--mantine-color-teal-7)', outcomes: ['negative', 'expected_only'] },
] as const;

interface Point {
  t: number;
  row: number;
  test: DrugTestListItem;
}

const rowOf = (outcome: DrugTestOutcome) => ROWS.length - 1 - ROWS.findIndex((r) => (r.outcomes as readonly string[]).includes(outcome));
const shortDay = (t: number) => new Date(t).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Results over time, one dot per test with an outcome, in a row by what it showed. */
export function DrugTestsTimeline({ tests }: { tests: DrugTestListItem[] }) {
  const points: Point[] = tests.filter((t) => t.outcome).map((t) => ({ t: Date.parse(`${t.selectedOn}T00:00:00Z`), row: rowOf(t.outcome!), test: t }));
  if (points.length < 2) return null;
  const times = points.map((p) => p.t);
  const first = Math.min(...times);
  const last = Math.max(...times);
  const pad = Math.max(2 * DAY_MS, (last - first) * 0.04);
  const domain: [number, number] = [first - pad, last + pad];
  const step = Math.max(1, Math.ceil((domain[1] - domain[0]) / DAY_MS / 6));
  const ticks: number[] = [];
  for (let t = Math.ceil(domain[0] / DAY_MS) * DAY_MS; t <= domain[1]; t += step * DAY_MS) ticks.push(t);

  return (
    <div role="img" aria-label="Drug-test results over time by outcome; the same tests are listed in the table below.">
      <ResponsiveContainer width="100%" height={150}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
          <XAxis dataKey="t" type="number" scale="time" domain={domain} ticks={ticks} tickFormatter={shortDay} tick={{ fontSize: 12 }} tickLine={false} />
          <YAxis
            dataKey="row"
            type="number"
            domain={[-0.5, ROWS.length - 0.5]}
            ticks={ROWS.map((_, i) => i)}
            tickFormatter={(i: number) => ROWS[ROWS.length - 1 - i]?.label ?? ''}
            tick={{ fontSize: 11 }}
            tickLine={false}
            axisLine={false}
            width={150}
          />
          <Scatter data={points} isAnimationActive={false} shape={(props: { cx?: number; cy?: number; payload?: Point }) => <Dot {...props} />} />
          <Tooltip content={<TimelineTooltip />} cursor={false} />
        </ScatterChart>
      </ResponsiveContainer>
      <Group gap="md" justify="center" aria-hidden>
        {ROWS.map((r) => (
          <Group gap={4} key={r.key} wrap="nowrap">
            <span style={{ width: 10, height: 10, borderRadius: 5, background: r.color, display: 'inline-block' }} />
            <Text size="xs">{r.label}</Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}

function Dot({ cx, cy, payload }: { cx?: number; cy?: number; payload?: Point }) {
  if (cx === undefined || cy === undefined || !payload) return null;
  const row = ROWS[ROWS.length - 1 - payload.row];
  return <circle cx={cx} cy={cy} r={6} fill={row?.color ?? 'gray'} stroke="white" strokeWidth={1.5} />;
}

function TimelineTooltip({ active, payload }: { active?: boolean; payload?: { payload: Point }[] }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  const t = point.test;
  return (
    <Paper withBorder shadow="sm" p="xs" radius="sm">
      <Stack gap={2}>
        <Text size="sm" fw={700}>
          {formatDate(t.selectedOn)}
        </Text>
        <Text size="sm">{t.outcome ? OUTCOME_LABELS[t.outcome].label : ''}</Text>
        <Text size="xs" c="dimmed">
          {REASON_LABELS[t.reason]}
        </Text>
      </Stack>
    </Paper>
  );
}
