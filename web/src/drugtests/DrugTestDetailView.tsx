import { Alert, Badge, Divider, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconSignature } from '@tabler/icons-react';
import { Fact } from '../shell/Fact.tsx';
import { formatDate, formatInstantTime, localDateOf } from '../time/dates.ts';
import { CUSTODY_LABELS, OUTCOME_LABELS, REASON_LABELS, SPECIMEN_LABELS, STATUS_LABELS, URINE_TEMPERATURE, VALIDITY_LABELS } from './drug-test-labels.ts';
import type { DrugTestDetail } from './drug-test-types.ts';
import { analyteName, ReadingsTable } from './ReadingsTable.tsx';

/** A date and time of an instant at the facility: "24 Nov 2026, 9:42 AM". */
export function formatInstant(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  return `${formatDate(localDateOf(new Date(iso), timeZone))}, ${formatInstantTime(iso, timeZone)}`;
}

/** The outcome in one coloured chip. */
export function OutcomeBadge({ outcome, size = 'md' }: { outcome: DrugTestDetail['outcome']; size?: 'sm' | 'md' | 'lg' }) {
  if (!outcome) return null;
  const o = OUTCOME_LABELS[outcome];
  return (
    <Badge color={o.color} variant={outcome === 'negative' || outcome === 'expected_only' ? 'light' : 'filled'} tt="none" size={size}>
      {o.label}
    </Badge>
  );
}

/**
 * One test from selection to signature: why it was ordered, the collection and its
 * chain of custody, validity, each reading with what it means for this patient, and the review.
 */
export function DrugTestDetailView({ test, timeZone }: { test: DrugTestDetail; timeZone: string }) {
  const c = test.collection;
  const v = test.validityInputs;
  const measured = v.creatinineMgDl !== null || v.specificGravity !== null || v.ph !== null || v.oxidantsPresent !== null;
  const outcome = test.outcome ? OUTCOME_LABELS[test.outcome] : null;
  const attention = test.outcome && !['negative', 'expected_only'].includes(test.outcome);
  const positives = test.analytes.filter((a) => a.interpretation === 'positive').map((a) => a.name);
  const missing = test.analytes.filter((a) => a.interpretation === 'missing_expected').map((a) => a.name);

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge variant="light" color={STATUS_LABELS[test.status].color} tt="none">
          {STATUS_LABELS[test.status].label}
        </Badge>
        <Badge variant="light" color={test.reason === 'for_cause' ? 'orange' : 'gray'} tt="none">
          {REASON_LABELS[test.reason]}
        </Badge>
        <Text size="sm" c="dimmed">
          {formatDate(test.selectedOn)} · {SPECIMEN_LABELS[test.specimenType]} · {test.panelName}
        </Text>
      </Group>
      {test.reasonNote && (
        <Text size="sm">
          <b>Reason:</b> {test.reasonNote}
        </Text>
      )}

      {outcome && (
        <Alert
          color={outcome.color}
          variant="light"
          icon={attention ? <IconAlertTriangle aria-hidden /> : <IconCircleCheck aria-hidden />}
          title={<Group gap="xs">Result: {outcome.label}</Group>}
          role={attention ? 'alert' : 'status'}
        >
          <Stack gap={4}>
            <Text size="sm">{outcome.explanation}</Text>
            {positives.length > 0 && (
              <Text size="sm">
                <b>Detected without a prescription:</b> {positives.join(', ')}
              </Text>
            )}
            {missing.length > 0 && (
              <Text size="sm">
                <b>Prescribed but not detected:</b> {missing.join(', ')}
              </Text>
            )}
            {test.readings.length > 0 && (
              <Text size="xs" c="dimmed">
                {test.expectedAnalytes.length > 0
                  ? `Expected from the patient’s prescriptions: ${test.expectedAnalytes.map(analyteName).join(', ')}.`
                  : 'No prescription on file explains any substance on this panel.'}
              </Text>
            )}
          </Stack>
        </Alert>
      )}

      {test.review && (
        <Alert color="teal" variant="light" icon={<IconSignature aria-hidden />} title="Reviewed and signed">
          <Text size="sm">
            {test.review.by.fullName} · {formatInstant(test.review.at, timeZone)}
          </Text>
          {test.review.note && <Text size="sm">“{test.review.note}”</Text>}
        </Alert>
      )}
      {test.status === 'refused' && c?.note && (
        <Text size="sm">
          <b>Refused:</b> {c.note}
          {c.collectedBy ? ` (recorded by ${c.collectedBy.fullName})` : ''}
        </Text>
      )}
      {test.status === 'not_collected' && test.notCollectedReason && (
        <Text size="sm">
          <b>Not collected:</b> {test.notCollectedReason}
        </Text>
      )}

      {test.specimenId && test.collectedAt && (
        <Section title="Collection">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Fact name="Specimen id">
              <Text ff="monospace" size="sm" fw={500}>
                {test.specimenId}
              </Text>
            </Fact>
            <Fact name="Collected">{formatInstant(test.collectedAt, timeZone)}</Fact>
            <Fact name="Observed">{test.observed === null ? '—' : test.observed ? 'Yes' : 'No'}</Fact>
            <Fact name="Temperature">
              {!c || c.temperatureC === null ? (
                '—'
              ) : (
                <Text size="sm" fw={c.temperatureInRange === false ? 700 : 500} c={c.temperatureInRange === false ? 'red.8' : undefined} component="span">
                  {c.temperatureC} °C{c.temperatureInRange === false ? ` (outside ${URINE_TEMPERATURE.min}–${URINE_TEMPERATURE.max})` : ''}
                </Text>
              )}
            </Fact>
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {c?.collectedBy ? `By ${c.collectedBy.fullName}` : ''}
            {c?.note ? ` · “${c.note}”` : ''}
          </Text>
        </Section>
      )}

      {(measured || test.validity) && (
        <Section title="Specimen validity">
          <Group gap="lg" align="flex-start">
            {test.validity && (
              <Badge color={VALIDITY_LABELS[test.validity].color} variant="light" tt="none" size="lg">
                {VALIDITY_LABELS[test.validity].label}
              </Badge>
            )}
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" style={{ flex: 1 }}>
              <Measure name="Creatinine">{v.creatinineMgDl === null ? '—' : `${v.creatinineMgDl} mg/dL`}</Measure>
              <Measure name="Specific gravity">{v.specificGravity === null ? '—' : v.specificGravity.toFixed(4)}</Measure>
              <Measure name="pH">{v.ph ?? '—'}</Measure>
              <Measure name="Oxidants / nitrite">{v.oxidantsPresent === null ? '—' : v.oxidantsPresent ? 'Present' : 'Absent'}</Measure>
            </SimpleGrid>
          </Group>
        </Section>
      )}

      {test.readings.length > 0 && (
        <Section title="Results">
          <ReadingsTable findings={test.analytes} readings={test.readings} />
          {test.resultedAt && (
            <Text size="xs" c="dimmed">
              Entered {formatInstant(test.resultedAt, timeZone)}
            </Text>
          )}
        </Section>
      )}

      {test.custody.length > 0 && (
        <Section title="Chain of custody">
          <Timeline bulletSize={14} lineWidth={2} active={test.custody.length - 1}>
            {test.custody.map((e) => (
              <Timeline.Item key={e.eventId} title={<Text size="sm" fw={600}>{CUSTODY_LABELS[e.event]}</Text>}>
                <Text size="xs" c="dimmed">
                  {formatInstant(e.occurredAt, timeZone)}
                  {e.staff ? ` · ${e.staff.fullName}` : ''}
                  {e.party ? ` · ${e.party}` : ''}
                </Text>
                {e.note && <Text size="xs">{e.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Section>
      )}

    </Stack>
  );
}

/** Like Fact, without upper-casing the name (pH is not PH). */
function Measure({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {name}
      </Text>
      <Text size="sm" fw={500}>
        {children}
      </Text>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Divider />
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
