import { Group, Paper, Stack, Text } from '@mantine/core';
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { addDays, daysBetween, formatDay } from '../time/dates.ts';
import { medicationTakenLabel, moodLabel, sleepQualityLabel, substanceLabel } from './checkin-labels.ts';
import type { Checkin } from './checkin-types.ts';

const CRAVING = 'var(--mantine-color-indigo-7)';
const MOOD = 'var(--mantine-color-teal-7)';
const SLEEP = 'var(--mantine-color-blue-3)';
const USE = 'var(--mantine-color-red-7)';

interface Point {
  day: string;
  craving: number | null;
  mood: number | null;
  sleep: number | null;
  checkin: Checkin | null;
}

const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Every day of the range, empty where there was no check-in, so the lines break over missed days. */
function pointsOf(checkins: readonly Checkin[], from: string, to: string): Point[] {
  const byDay = new Map(checkins.map((c) => [c.checkinOn, c]));
  return Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => {
    const day = addDays(from, i);
    const c = byDay.get(day) ?? null;
    return { day, craving: c?.craving ?? null, mood: c?.mood ?? null, sleep: c?.sleepHours ?? null, checkin: c };
  });
}

/** About six labelled days across the range. */
function dayTicks(points: readonly Point[]): string[] {
  const step = Math.max(1, Math.ceil(points.length / 7));
  return points.filter((_, i) => (points.length - 1 - i) % step === 0).map((p) => p.day);
}

/**
 * Daily check-ins as three small charts on one time axis: craving (0–10; a red dot on days
 * use was reported), mood (1–5) and hours slept. Hovering any of them shows the whole day's
 * answers. The table under the chart carries the same figures for screen readers.
 */
export function CheckinTrendChart({ checkins, from, to }: { checkins: readonly Checkin[]; from: string; to: string }) {
  const points = pointsOf(checkins, from, to);
  const ticks = dayTicks(points);
  const sleepTop = Math.max(12, ...points.map((p) => p.sleep ?? 0));
  const panel = (key: 'craving' | 'mood' | 'sleep', title: string, domain: [number, number], yTicks: number[], height: number, last: boolean) => (
    <Stack gap={0}>
      <Text size="xs" fw={600} c="dimmed" pl={4}>
        {title}
      </Text>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={points} syncId="checkins" margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--mantine-color-gray-3)" />
          <XAxis dataKey="day" ticks={ticks} tickFormatter={shortDay} tick={last ? { fontSize: 12 } : false} tickLine={false} height={last ? 24 : 4} interval={0} />
          <YAxis type="number" domain={domain} ticks={yTicks} allowDecimals={false} tick={{ fontSize: 12 }} tickLine={false} axisLine={false} width={32} />
          {key === 'sleep' ? (
            <Bar dataKey="sleep" fill={SLEEP} maxBarSize={18} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          ) : (
            <Line
              dataKey={key}
              stroke={key === 'craving' ? CRAVING : MOOD}
              strokeWidth={2}
              connectNulls={false}
              isAnimationActive={false}
              dot={(props: { cx?: number; cy?: number; payload?: Point; index?: number }) => <DayDot key={props.index} {...props} color={key === 'craving' ? CRAVING : MOOD} markUse={key === 'craving'} />}
            />
          )}
          <Tooltip content={<DayTooltip />} cursor={{ stroke: 'var(--mantine-color-gray-5)', strokeDasharray: '3 3' }} />
        </ComposedChart>
      </ResponsiveContainer>
    </Stack>
  );
  return (
    <div>
      <div role="img" aria-label="Charts of daily craving, mood and hours of sleep over the period; the same answers are in the table below.">
        <Stack gap="xs">
          {panel('craving', 'Craving (0 none – 10 strongest)', [0, 10], [0, 5, 10], 120, false)}
          {panel('mood', 'Mood (1 very low – 5 very good)', [1, 5], [1, 3, 5], 96, false)}
          {panel('sleep', 'Sleep (hours)', [0, sleepTop], [0, 4, 8, 12].filter((t) => t <= sleepTop), 110, true)}
        </Stack>
      </div>
      <Group gap="lg" justify="center" mt={4} aria-hidden>
        <Swatch color={USE} round label="Use reported" />
        <Swatch color={CRAVING} label="Craving" />
        <Swatch color={MOOD} label="Mood" />
        <Swatch color={SLEEP} label="Hours slept" />
      </Group>
    </div>
  );
}

function DayDot({ cx, cy, payload, color, markUse }: { cx?: number; cy?: number; payload?: Point; color: string; markUse: boolean }) {
  if (cx === undefined || cy === undefined || !payload?.checkin) return null;
  const used = markUse && payload.checkin.usedSinceLast;
  return <circle cx={cx} cy={cy} r={used ? 6 : 3.5} fill={used ? USE : color} stroke="white" strokeWidth={1.5} />;
}

function Swatch({ color, label, round = false }: { color: string; label: string; round?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span style={{ width: round ? 10 : 14, height: round ? 10 : 4, borderRadius: round ? '50%' : 1, background: color, display: 'inline-block' }} />
      <Text size="xs">{label}</Text>
    </Group>
  );
}

function DayTooltip({ active, payload }: { active?: boolean; payload?: { payload: Point }[] }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  const c = point.checkin;
  return (
    <Paper withBorder shadow="sm" p="xs" radius="sm" maw={280}>
      <Stack gap={2}>
        <Text size="sm" fw={700}>
          {formatDay(point.day)}
        </Text>
        {!c ? (
          <Text size="sm" c="dimmed">
            No check-in
          </Text>
        ) : (
          <>
            <Text size="sm">Craving {c.craving} · mood {moodLabel(c.mood).toLowerCase()}</Text>
            <Text size="sm">
              Slept {c.sleepHours} h ({sleepQualityLabel(c.sleepQuality).toLowerCase()})
            </Text>
            {c.usedSinceLast && (
              <Text size="sm" fw={700} c="red.8">
                Use reported: {c.substances.map(substanceLabel).join(', ')}
              </Text>
            )}
            <Text size="sm">Medication: {medicationTakenLabel(c.medicationTaken).toLowerCase()}</Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
