import { Badge, Button, Divider, Group, List, Modal, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useFormSubmit } from '../api/use-form-submit.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { useFacilityToday } from '../facilities/useFacilityToday.ts';
import { Fact } from '../shell/Fact.tsx';
import { ErrorState, FormAlert, SectionLoader } from '../shell/States.tsx';
import { formatDate, formatTime, weekdayName } from '../time/dates.ts';
import { FELLOWSHIP_LABELS, OUTCOME_LABELS } from './aftercare-labels.ts';
import type { AftercarePlan, Followup, FollowupOutcome } from './aftercare-types.ts';
import { DischargeSummaryView } from './DischargeSummaryView.tsx';
import { useAftercare, useRecordFollowup } from './useAftercare.ts';

/** A discharged episode's aftercare: the plan the patient left with, the summary, and the 30/60/90-day follow-ups. */
export function AftercarePanel({ episodeId, facilityId }: { episodeId: string; facilityId: string }) {
  const aftercare = useAftercare(episodeId);
  if (aftercare.isPending) return <SectionLoader label="Loading the aftercare plan" />;
  if (aftercare.isError) return <ErrorState error={aftercare.error} onRetry={() => void aftercare.refetch()} />;
  if (!aftercare.data) {
    return (
      <Text size="sm" c="dimmed">
        Discharged without an aftercare plan.
      </Text>
    );
  }
  const { plan, summary, followups } = aftercare.data;
  return (
    <Stack gap="md">
      <FollowupsSection episodeId={episodeId} facilityId={facilityId} followups={followups} />
      <Divider />
      <Title order={3} size="h5">
        Aftercare plan
      </Title>
      <PlanDetails plan={plan} />
      <Divider />
      <Title order={3} size="h5">
        Discharge summary
      </Title>
      <DischargeSummaryView summary={summary} />
    </Stack>
  );
}

function PlanDetails({ plan }: { plan: AftercarePlan }) {
  const referral = plan.outpatientReferral;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Fact name="Outpatient referral">
          {referral ? (
            <>
              {referral.provider}
              {referral.contact && <Text size="xs">{referral.contact}</Text>}
              {referral.appointmentOn && <Text size="xs">First appointment {formatDate(referral.appointmentOn)}</Text>}
            </>
          ) : (
            'None'
          )}
        </Fact>
        <Fact name="Sober living">
          {plan.soberLiving ? (
            <>
              {plan.soberLiving.name}
              {plan.soberLiving.contact && <Text size="xs">{plan.soberLiving.contact}</Text>}
            </>
          ) : (
            'No'
          )}
        </Fact>
        <Fact name="Alumni program">{plan.alumniProgram ? 'Enrolled' : 'Not enrolled'}</Fact>
      </SimpleGrid>
      <Fact name="Mutual-help meetings">
        {plan.meetings.length === 0 ? (
          'None planned'
        ) : (
          <List size="sm" spacing={2}>
            {plan.meetings.map((m, i) => (
              <List.Item key={i}>
                <b>{FELLOWSHIP_LABELS[m.fellowship] ?? m.fellowship}</b>
                {m.name ? ` · ${m.name}` : ''} · {weekdayName(m.dayOfWeek)}s {formatTime(m.time)} · {m.location}
              </List.Item>
            ))}
          </List>
        )}
      </Fact>
      <Fact name="Medication continuity">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {plan.medicationContinuity ?? 'None'}
        </Text>
      </Fact>
      <Fact name="If symptoms come back">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {plan.relapsePlan}
        </Text>
      </Fact>
    </Stack>
  );
}

function FollowupsSection({ episodeId, facilityId, followups }: { episodeId: string; facilityId: string; followups: Followup[] }) {
  const me = useMe();
  const today = useFacilityToday(facilityId);
  const [recording, setRecording] = useState<Followup | null>(null);
  const canRecord = permissions.manageStay(me);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Follow-up contacts
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" fz="sm" aria-label="Follow-up contacts">
          <Table.Tbody>
            {[...followups]
              .sort((a, b) => a.daysAfter - b.daysAfter)
              .map((f) => {
                const due = f.status === 'due' || f.status === 'overdue';
                return (
                  <Table.Tr key={f.followupId}>
                    <Table.Td fw={600} w={90}>
                      {f.daysAfter} days
                    </Table.Td>
                    <Table.Td w={160}>Due {formatDate(f.dueOn)}</Table.Td>
                    <Table.Td>
                      {f.completedOn && f.outcome ? (
                        <Stack gap={0}>
                          <Text size="sm">
                            <Badge size="sm" color={f.outcome === 'reached' ? 'teal' : f.outcome === 'readmitted' ? 'indigo' : 'gray'} variant="light" tt="none" mr={6}>
                              {OUTCOME_LABELS[f.outcome]}
                            </Badge>
                            {formatDate(f.completedOn)}
                            {f.completedBy ? ` · ${f.completedBy.fullName}` : ''}
                          </Text>
                          {f.note && (
                            <Text size="xs" c="dimmed">
                              {f.note}
                            </Text>
                          )}
                        </Stack>
                      ) : (
                        <Badge size="sm" color={f.status === 'overdue' ? 'red' : due ? 'orange' : 'gray'} variant={due ? 'filled' : 'light'} tt="none">
                          {f.status === 'overdue' ? 'Overdue' : due ? 'Due now' : 'Not yet due'}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {canRecord && !f.completedOn && (
                        <Button size="xs" variant={due ? 'filled' : 'default'} onClick={() => setRecording(f)}>
                          Record outcome
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={recording !== null} onClose={() => setRecording(null)} centered title={<Text fw={700}>{recording ? `${recording.daysAfter}-day follow-up` : ''}</Text>}>
        {recording && <OutcomeForm episodeId={episodeId} followup={recording} today={today} onDone={() => setRecording(null)} />}
      </Modal>
    </Stack>
  );
}

interface OutcomeValues {
  outcome: FollowupOutcome | null;
  note: string;
  completedOn: string;
}

function OutcomeForm({ episodeId, followup, today, onDone }: { episodeId: string; followup: Followup; today: string; onDone: () => void }) {
  const record = useRecordFollowup(episodeId, followup.followupId);
  const form = useForm<OutcomeValues>({
    initialValues: { outcome: null, note: '', completedOn: today },
    validate: {
      outcome: (v) => (v ? null : 'Choose what happened.'),
      completedOn: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? (v > today ? 'The contact cannot be in the future.' : null) : 'Enter the day of the contact.'),
    },
  });
  const { busy, error, submit } = useFormSubmit(form, ['outcome', 'note', 'completedOn'], async (v: OutcomeValues) => {
    await record.mutateAsync({ outcome: v.outcome ?? 'other', completedOn: v.completedOn, ...(v.note.trim() ? { note: v.note.trim() } : {}) });
    notifications.show({ color: 'teal', title: 'Follow-up recorded', message: `${followup.daysAfter}-day follow-up: ${OUTCOME_LABELS[v.outcome ?? 'other']}.` });
    onDone();
  });
  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="sm">
        <Select label="Outcome" required data-autofocus data={Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }))} {...form.getInputProps('outcome')} />
        <TextInput label="Contact on" type="date" required max={today} {...form.getInputProps('completedOn')} />
        <Textarea label="Note" placeholder="Attending meetings twice a week; saw the therapist on…" autosize minRows={2} {...form.getInputProps('note')} />
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
