import { Badge, Button, Card, Group, Modal, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhone } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import type { Patient } from '../api/types.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { useFacilityToday } from '../facilities/useFacilityToday.ts';
import { Fact } from '../shell/Fact.tsx';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { addDays, formatDay } from '../time/dates.ts';
import { medicationTakenLabel, moodLabel, sleepQualityLabel, substanceLabel } from './checkin-labels.ts';
import type { Checkin, CheckinSummary } from './checkin-types.ts';
import { CheckinForm } from './CheckinForm.tsx';
import { usePatientCheckins, useRecordCheckin } from './useCheckins.ts';

/** recharts loads with the first chart. */
const CheckinTrendChart = lazy(() => import('./CheckinTrendChart.tsx').then((m) => ({ default: m.CheckinTrendChart })));

const SOURCE: Record<Checkin['source'], string> = { portal: 'Portal', kiosk: 'Kiosk', staff: 'Staff' };
const ROWS_SHOWN = 7;

const one = (n: number | null, unit = '') => (n === null ? '—' : `${Math.round(n * 10) / 10}${unit}`);

/** The chart's daily check-ins: a summary, the trend of craving, mood and sleep, and each day's answers. */
export function ChartCheckins({ patient }: { patient: Patient }) {
  const facilityId = patient.episodes.find((e) => e.status === 'active')?.facilityId ?? patient.facilityId;
  const today = useFacilityToday(facilityId);
  const [span, setSpan] = useState('30');
  const from = addDays(today, -(Number(span) - 1));
  const checkins = usePatientCheckins(patient.patientId, from, today);
  const [all, setAll] = useState(false);
  const [recording, setRecording] = useState(false);
  const canRecord = permissions.recordCheckins(useMe());
  const todays = checkins.data?.checkins.find((c) => c.checkinOn === today) ?? null;

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="checkins-heading">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h4" id="checkins-heading">
          Daily check-ins
        </Title>
        <Group gap="sm">
          {canRecord && (
            <Button variant="light" leftSection={<IconPhone size={18} aria-hidden />} onClick={() => setRecording(true)}>
              Record today’s check-in
            </Button>
          )}
          <SegmentedControl
            aria-label="Days shown"
            value={span}
            onChange={setSpan}
            data={[
              { value: '14', label: '2 weeks' },
              { value: '30', label: '30 days' },
              { value: '90', label: '90 days' },
            ]}
          />
        </Group>
      </Group>
      <Modal opened={recording} onClose={() => setRecording(false)} size="xl" title={<Text fw={700}>Today’s check-in, read over the phone</Text>}>
        <RecordCheckin patientId={patient.patientId} previous={todays} onDone={() => setRecording(false)} />
      </Modal>
      {checkins.isPending ? (
        <SectionLoader label="Loading check-ins" />
      ) : checkins.isError ? (
        <ErrorState error={checkins.error} onRetry={() => void checkins.refetch()} />
      ) : checkins.data.checkins.length === 0 ? (
        <EmptyNote title="No check-ins in this period">Patients check in daily from the portal or the front-desk kiosk; staff can record one read over the phone.</EmptyNote>
      ) : (
        <Stack gap="md">
          <SummaryFacts summary={checkins.data.summary} span={Number(span)} />
          <Suspense fallback={<SectionLoader label="Loading the chart" />}>
            <CheckinTrendChart checkins={checkins.data.checkins} from={from} to={today} />
          </Suspense>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" striped aria-label="Check-ins, newest first">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Day</Table.Th>
                  <Table.Th ta="right">Craving</Table.Th>
                  <Table.Th>Mood</Table.Th>
                  <Table.Th>Sleep</Table.Th>
                  <Table.Th>Use since last</Table.Th>
                  <Table.Th>Medication</Table.Th>
                  <Table.Th>From</Table.Th>
                  <Table.Th>Note</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...checkins.data.checkins]
                  .reverse()
                  .slice(0, all ? undefined : ROWS_SHOWN)
                  .map((c) => (
                    <Table.Tr key={c.checkinId}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(c.checkinOn)}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {c.craving}
                      </Table.Td>
                      <Table.Td>{moodLabel(c.mood)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {c.sleepHours} h · {sleepQualityLabel(c.sleepQuality).toLowerCase()}
                      </Table.Td>
                      <Table.Td>
                        {c.usedSinceLast ? (
                          <Badge color="red" variant="light" tt="none">
                            {c.substances.map(substanceLabel).join(', ')}
                          </Badge>
                        ) : (
                          'No'
                        )}
                      </Table.Td>
                      <Table.Td>{medicationTakenLabel(c.medicationTaken)}</Table.Td>
                      <Table.Td>{SOURCE[c.source]}</Table.Td>
                      <Table.Td maw={260}>
                        <Text size="sm" lineClamp={3}>
                          {c.note ?? ''}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {checkins.data.checkins.length > ROWS_SHOWN && (
            <Button variant="subtle" onClick={() => setAll((a) => !a)} w="fit-content">
              {all ? 'Show the last week only' : `Show all ${checkins.data.checkins.length} check-ins`}
            </Button>
          )}
        </Stack>
      )}
    </Card>
  );
}

/** Staff type the patient's answers; the same questions as the portal and the kiosk. */
function RecordCheckin({ patientId, previous, onDone }: { patientId: string; previous: Checkin | null; onDone: () => void }) {
  const record = useRecordCheckin(patientId);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Ask each question as written and enter the patient’s own answers.{previous ? ' A check-in is already recorded today: these answers replace it.' : ''}
      </Text>
      <CheckinForm
        previous={previous}
        submitLabel="Save check-in"
        onSubmit={(input) =>
          record.mutateAsync(input).then(() => {
            notifications.show({ color: 'teal', title: 'Check-in saved', message: 'Today’s check-in is on the chart.' });
            onDone();
          })
        }
      />
    </Stack>
  );
}

function SummaryFacts({ summary: s, span }: { summary: CheckinSummary; span: number }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
      <Fact name="Checked in">
        {s.days} of {span} days
      </Fact>
      <Fact name="Craving · average (highest)">
        {one(s.averageCraving)}
        {s.maxCraving !== null && ` (${s.maxCraving})`}
      </Fact>
      <Fact name="Mood · average">{s.averageMood === null ? '—' : `${one(s.averageMood)} · ${moodLabel(Math.round(s.averageMood)).toLowerCase()}`}</Fact>
      <Fact name="Sleep · average">{one(s.averageSleepHours, ' h')}</Fact>
      <Fact name="Use reported">
        <Text span c={s.useDays > 0 ? 'red.8' : undefined} fw={s.useDays > 0 ? 700 : 500} size="sm">
          {s.useDays === 0 ? 'None' : `${s.useDays} ${s.useDays === 1 ? 'day' : 'days'}`}
        </Text>
        {s.substances.length > 0 && (
          <Text size="xs" c="dimmed">
            {s.substances.map((x) => `${substanceLabel(x.substance)} on ${x.days} ${x.days === 1 ? 'day' : 'days'}`).join(', ')}
          </Text>
        )}
      </Fact>
      <Fact name="Medication missed or partial">{s.medicationMissedDays === 0 ? 'None' : `${s.medicationMissedDays} ${s.medicationMissedDays === 1 ? 'day' : 'days'}`}</Fact>
    </SimpleGrid>
  );
}
