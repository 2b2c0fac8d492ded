import { Accordion, Badge, Card, ColorSwatch, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { SectionLoader } from '../shell/States.tsx';
import { WRAPPING } from './wrapping-badge.ts';
import { formatDate } from '../time/dates.ts';
import { BAM_SUBSCALES, bandColor, flagLabel, INSTRUMENT_SHORT_NAMES } from './instrument-labels.ts';
import type { InstrumentDefinition, InstrumentId, InstrumentResponse } from './instrument-types.ts';

/** recharts is large: it loads with the first chart. */
const InstrumentChart = lazy(() => import('./InstrumentChart.tsx').then((m) => ({ default: m.InstrumentChart })));
const BamChart = lazy(() => import('./InstrumentChart.tsx').then((m) => ({ default: m.BamChart })));

/**
 * "Latest 14 · Moderate · 2026-11-24": the newest answer in words, beside the chart title
 * (the day as ISO, the same on every screen and in the browser test).
 */
export function latestLine(r: InstrumentResponse): string {
  if (r.instrument === 'bam' && r.subscales) {
    const parts = BAM_SUBSCALES.map((s) => `${s.label} ${r.subscales?.[s.key] ?? '—'}`);
    return `Latest ${parts.join(' · ')} · ${r.administeredOn}`;
  }
  if (r.totalScore === null) return `Latest ${r.severityLabel ?? cssrsResult(r)} · ${r.administeredOn}`;
  return `Latest ${r.totalScore}${r.severityLabel ? ` · ${r.severityLabel}` : ''} · ${r.administeredOn}`;
}

function cssrsResult(r: InstrumentResponse): string {
  if (r.flags.includes('cssrs_high_risk')) return 'High risk';
  if (r.flags.includes('cssrs_moderate_risk')) return 'Moderate risk';
  return 'No risk identified';
}

/** One instrument on the progress page: the latest answer, its flags, the chart and every score. */
export function InstrumentCard({ instrument, definition, responses }: { instrument: InstrumentId; definition: InstrumentDefinition | undefined; responses: InstrumentResponse[] }) {
  const latest = responses[responses.length - 1];
  if (!latest) return null;
  const shortName = definition?.shortName ?? INSTRUMENT_SHORT_NAMES[instrument];
  const bands = definition?.bands ?? [];
  const first = responses[0]!;
  const change = latest !== first && latest.totalScore !== null && first.totalScore !== null ? latest.totalScore - first.totalScore : null;
  const flaggedBefore = responses.slice(0, -1).filter((r) => r.flags.some((f) => flagLabel(f).safety));
  const headingId = `instrument-${instrument}`;

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Group gap="xs" align="baseline">
            <Title order={3} size="h4" id={headingId}>
              {shortName}
            </Title>
            {definition && (
              <Text size="xs" c="dimmed">
                {definition.name} · {definition.timeframe}
              </Text>
            )}
          </Group>
          <Group gap={8} wrap="nowrap">
            {latest.severity && bands.length > 0 && <ColorSwatch color={`var(--mantine-color-${bandColor(bands, latest.severity)}-5)`} size={12} aria-hidden />}
            <Text fw={700} size="sm" data-testid={`latest-${instrument}`}>
              {latestLine(latest)}
            </Text>
          </Group>
          {change !== null && (
            <Text size="xs" c={change < 0 ? 'teal.8' : change > 0 ? 'red.8' : 'dimmed'}>
              {change === 0 ? 'No change' : `${change > 0 ? '+' : '−'}${Math.abs(change)}`} since {formatDate(first.administeredOn)} ({responses.length} answers)
            </Text>
          )}
        </Stack>
        {latest.flags.length > 0 && (
          <Group gap="xs">
            {latest.flags.map((f) => (
              <Badge key={f} color={flagLabel(f).safety ? 'red' : 'orange'} variant="filled" tt="none" {...WRAPPING} leftSection={flagLabel(f).safety ? <IconAlertTriangle size={14} aria-hidden /> : undefined}>
                {flagLabel(f).text}
              </Badge>
            ))}
          </Group>
        )}
        {flaggedBefore.length > 0 && (
          <Text size="xs" c="red.8">
            Earlier safety flags: {flaggedBefore.map((r) => formatDate(r.administeredOn)).join(', ')} (red dots)
          </Text>
        )}
        {instrument === 'cssrs_screener' ? null : (
          <Suspense fallback={<SectionLoader label="Loading the chart" />}>
            {instrument === 'bam' ? (
              <BamChart responses={responses} />
            ) : (
              <InstrumentChart name={shortName} responses={responses} bands={bands} maxScore={definition?.maxScore ?? null} />
            )}
          </Suspense>
        )}
        <ResponseTable instrument={instrument} responses={responses} open={instrument === 'cssrs_screener'} />
      </Stack>
    </Card>
  );
}

function ResponseTable({ instrument, responses, open }: { instrument: InstrumentId; responses: InstrumentResponse[]; open: boolean }) {
  const table = (
    <Table.ScrollContainer minWidth={460}>
      <Table verticalSpacing={4} fz="sm" aria-label={`${INSTRUMENT_SHORT_NAMES[instrument]} answers`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>{instrument === 'bam' ? 'Use · risk · protective' : instrument === 'cssrs_screener' ? 'Result' : 'Score'}</Table.Th>
            <Table.Th>Flags</Table.Th>
            <Table.Th>By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...responses].reverse().map((r) => (
            <Table.Tr key={r.responseId}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.administeredOn)}</Table.Td>
              <Table.Td>
                {instrument === 'bam'
                  ? BAM_SUBSCALES.map((s) => r.subscales?.[s.key] ?? '—').join(' · ')
                  : r.totalScore === null
                    ? (r.severityLabel ?? cssrsResult(r))
                    : `${r.totalScore}${r.severityLabel ? ` · ${r.severityLabel}` : ''}`}
              </Table.Td>
              <Table.Td>
                {r.flags.length === 0 ? (
                  '—'
                ) : (
                  <Group gap={4}>
                    {r.flags.map((f) => (
                      <Badge key={f} size="sm" color={flagLabel(f).safety ? 'red' : 'orange'} variant={flagLabel(f).safety ? 'filled' : 'light'} tt="none" title={flagLabel(f).text}>
                        {flagLabel(f).short}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>{r.source === 'portal' ? 'Patient (portal)' : (r.administeredBy?.fullName ?? '—')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
  if (open) return table;
  return (
    <Accordion variant="default" chevronPosition="left">
      <Accordion.Item value="all">
        <Accordion.Control>
          <Text size="sm">
            All {responses.length} {responses.length === 1 ? 'answer' : 'answers'}
          </Text>
        </Accordion.Control>
        <Accordion.Panel>{table}</Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
