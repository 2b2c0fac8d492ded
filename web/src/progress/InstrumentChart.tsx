import { Group, Paper, Stack, Text } from '@mantine/core';
import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate } from '../time/dates.ts';
import { BAM_SUBSCALES, bandColor, flagLabel } from './instrument-labels.ts';
import type { InstrumentBand, InstrumentResponse } from './instrument-types.ts';

const DAY_MS = 86_400_000;
const SAFETY_DOT = 'var(--mantine-color-red-7)';
const SCORE_LINE = 'var(--mantine-color-indigo-7)';

interface Point {
  t: number;
  score: number | null;
  use?: number;
  risk?: number;
  protective?: number;
  response: InstrumentResponse;
}

const timeOf = (day: string) => Date.parse(`${day}T00:00:00Z`);
const shortDay = (t: number) => new Date(t).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const hasSafetyFlag = (r: InstrumentResponse) => r.flags.some((f) => flagLabel(f).safety);

/** A little room either side of the first and last answers; a single answer sits mid-chart. */
function timeDomain(points: readonly Point[]): [number, number] {
  const first = points[0]?.t ?? 0;
  const last = points[points.length - 1]?.t ?? first;
  const pad = Math.max(2 * DAY_MS, (last - first) * 0.04);
  return [first - pad, last + pad];
}

/** Ticks on whole days, at most six of them, spread over the domain. */
function dayTicks([from, to]: [number, number]): number[] {
  const days = Math.max(1, Math.round((to - from) / DAY_MS));
  const step = Math.max(1, Math.ceil(days / 6));
  const start = Math.ceil(from / DAY_MS) * DAY_MS;
  const ticks: number[] = [];
  for (let t = start; t <= to; t += step * DAY_MS) ticks.push(t);
  return ticks;
}

/**
 * Band areas edge to edge: each band runs from its minimum to the next band's minimum (the
 * last to the instrument's maximum), so integer bands such as 0–4 and 5–9 leave no gap.
 */
function bandAreas(bands: readonly InstrumentBand[], maxScore: number) {
  return bands.map((b, i) => ({ band: b, y1: b.min, y2: bands[i + 1]?.min ?? Math.max(b.max, maxScore), color: bandColor(bands, b.key) }));
}

/**
 * An instrument's total scores over time in front of its severity bands (one shaded,
 * labelled area per band). A dot is red when that answer raised a safety flag.
 */
export function InstrumentChart({ name, responses, bands, maxScore }: { name: string; responses: InstrumentResponse[]; bands: InstrumentBand[]; maxScore: number | null }) {
  const points: Point[] = responses.filter((r) => r.totalScore !== null).map((r) => ({ t: timeOf(r.administeredOn), score: r.totalScore, response: r }));
  const top = maxScore ?? Math.max(10, ...points.map((p) => p.score ?? 0));
  const domain = timeDomain(points);
  const areas = bandAreas(bands, top);
  return (
    <div role="img" aria-label={`${name} total scores over time against the severity bands; the same scores are listed below the chart.`}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          {areas.map((a) => (
            <ReferenceArea
              key={a.band.key}
              y1={a.y1}
              y2={a.y2}
              fill={`var(--mantine-color-${a.color}-1)`}
              fillOpacity={0.9}
              stroke="none"
              ifOverflow="hidden"
              label={{ value: `${a.band.label} ${a.band.min}–${a.band.max}`, position: 'insideTopRight', fontSize: 11, fill: `var(--mantine-color-${a.color}-9)` }}
            />
          ))}
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--mantine-color-gray-4)" strokeOpacity={0.6} />
          <XAxis dataKey="t" type="number" scale="time" domain={domain} ticks={dayTicks(domain)} tickFormatter={shortDay} tick={{ fontSize: 12 }} tickLine={false} />
          <YAxis
            type="number"
            domain={[0, top]}
            ticks={bands.length ? [...new Set([0, ...bands.map((b) => b.min), top])] : undefined}
            allowDecimals={false}
            tick={{ fontSize: 12 }}
            tickLine={false}
            axisLine={false}
            width={32}
          />
          <Line
            dataKey="score"
            stroke={SCORE_LINE}
            strokeWidth={2}
            isAnimationActive={false}
            dot={(props: { cx?: number; cy?: number; payload?: Point; index?: number }) => <ScoreDot key={props.index} {...props} />}
            activeDot={(props: { cx?: number; cy?: number; payload?: Point; index?: number }) => <ScoreDot key={props.index} {...props} active />}
          />
          <Tooltip content={<ScoreTooltip />} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The BAM has no total: its three subscales, one line each. */
export function BamChart({ responses }: { responses: InstrumentResponse[] }) {
  const points: Point[] = responses.map((r) => ({ t: timeOf(r.administeredOn), score: null, ...(r.subscales ?? {}), response: r }));
  const domain = timeDomain(points);
  return (
    <div role="img" aria-label="Brief Addiction Monitor subscales over time; the same figures are listed below the chart.">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--mantine-color-gray-3)" />
          <XAxis dataKey="t" type="number" scale="time" domain={domain} ticks={dayTicks(domain)} tickFormatter={shortDay} tick={{ fontSize: 12 }} tickLine={false} />
          <YAxis type="number" domain={[0, 'auto']} allowDecimals={false} tick={{ fontSize: 12 }} tickLine={false} axisLine={false} width={32} />
          {BAM_SUBSCALES.map((s) => (
            <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} isAnimationActive={false} dot={{ r: 4, fill: s.color }} />
          ))}
          <Tooltip content={<ScoreTooltip />} />
        </LineChart>
      </ResponsiveContainer>
      <Group gap="lg" justify="center" mt={4} aria-hidden>
        {BAM_SUBSCALES.map((s) => (
          <Group gap={6} key={s.key} wrap="nowrap">
            <span style={{ width: 14, height: 3, background: s.color, display: 'inline-block' }} />
            <Text size="xs">
              {s.label} ({s.hint})
            </Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}

function ScoreDot({ cx, cy, payload, active = false }: { cx?: number; cy?: number; payload?: Point; active?: boolean }) {
  if (cx === undefined || cy === undefined || !payload) return null;
  const flagged = hasSafetyFlag(payload.response);
  return <circle cx={cx} cy={cy} r={(flagged ? 6 : 4.5) + (active ? 2 : 0)} fill={flagged ? SAFETY_DOT : SCORE_LINE} stroke="white" strokeWidth={1.5} />;
}

function ScoreTooltip({ active, payload }: { active?: boolean; payload?: { payload: Point }[] }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  const r = point.response;
  return (
    <Paper withBorder shadow="sm" p="xs" radius="sm" maw={280}>
      <Stack gap={2}>
        <Text size="sm" fw={700}>
          {formatDate(r.administeredOn)}
        </Text>
        {r.totalScore !== null && (
          <Text size="sm">
            Score {r.totalScore}
            {r.severityLabel ? ` · ${r.severityLabel}` : ''}
          </Text>
        )}
        {r.subscales &&
          BAM_SUBSCALES.map((s) => (
            <Text size="sm" key={s.key}>
              {s.label}: {r.subscales?.[s.key] ?? '—'}
            </Text>
          ))}
        <Text size="xs" c="dimmed">
          {r.source === 'portal' ? 'Completed by the patient in the portal' : `Entered by ${r.administeredBy?.fullName ?? 'staff'}`}
        </Text>
        {r.flags.map((f) => (
          <Text key={f} size="xs" fw={700} c={flagLabel(f).safety ? 'red.8' : 'orange.9'}>
            {flagLabel(f).text}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
