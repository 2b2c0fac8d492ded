import { Alert, Badge, Button, Card, Collapse, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconClipboardPlus, IconEdit, IconHourglass, IconNotes, IconSignature, IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { Episode } from '../api/types.ts';
import { useMe } from '../auth/session.tsx';
import { useFacilityTimeZone } from '../facilities/useFacilityToday.ts';
import { Fact } from '../shell/Fact.tsx';
import { EmptyNote, FormAlert } from '../shell/States.tsx';
import { formatDate } from '../time/dates.ts';
import { InPersonSignDialog } from './InPersonSignDialog.tsx';
import { MeasurementButton } from './MeasurementButton.tsx';
import { PlanContentView } from './PlanContentView.tsx';
import { planErrorSentence } from './plan-errors.ts';
import { formatInstant } from './plan-dates.ts';
import { STATUS_COLORS, STATUS_LABELS } from './plan-labels.ts';
import type { PlanVersion, PlanView } from './plan-types.ts';
import { PlanHistory, PlanReviews } from './PlanHistory.tsx';
import { ReviewDialog } from './ReviewDialog.tsx';
import { SignDialog } from './SignDialog.tsx';
import { useSignPlan } from './usePlan.ts';

interface PlanOverviewProps {
  episode: Episode;
  plan: PlanView;
  canWrite: boolean;
  today: string;
  staffName: (staffId: string) => string;
  phaseName: (phaseId: string | null) => string | null;
  onEdit: () => void;
}

/** The plan in force (read-only, measuring itself), the version being written or signed, reviews and history. */
export function PlanOverview({ episode, plan, canWrite, today, staffName, phaseName, onEdit }: PlanOverviewProps) {
  const [reviewing, setReviewing] = useState(false);
  const shown = plan.active ?? plan.pending;
  const timeZone = useFacilityTimeZone(episode.facilityId);

  if (!shown) {
    return (
      <Card withBorder radius="md" padding="lg">
        <EmptyNote
          title="No treatment plan yet"
          action={
            canWrite ? (
              <Button mt="sm" leftSection={<IconClipboardPlus size={18} aria-hidden />} onClick={onEdit}>
                Write the plan
              </Button>
            ) : undefined
          }
        >
          {episode.status === 'active'
            ? 'Write problems, goals and measurable objectives with the patient, sign it, and have the patient sign it in the portal or in the clinic.'
            : 'This episode ended without a treatment plan.'}
        </EmptyNote>
      </Card>
    );
  }

  const objectiveActions = (o: Parameters<NonNullable<Parameters<typeof PlanContentView>[0]['objectiveActions']>>[0]) =>
    canWrite && plan.active && o.metric.kind === 'custom' ? <MeasurementButton episodeId={episode.episodeId} objective={o} today={today} /> : null;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="md">
          {plan.pending && plan.active && <PendingCard version={plan.pending} episodeId={episode.episodeId} canWrite={canWrite} onEdit={onEdit} timeZone={timeZone} staffName={staffName} phaseName={phaseName} />}
          <VersionCard
            version={shown}
            plan={plan}
            canWrite={canWrite}
            timeZone={timeZone}
            episodeId={episode.episodeId}
            onEdit={onEdit}
            onReview={() => setReviewing(true)}
          />
          <PlanContentView content={shown.content} progress={plan.progress} staffName={staffName} phaseName={phaseName} objectiveActions={objectiveActions} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="md">
          <PlanReviews plan={plan} />
          <PlanHistory plan={plan} timeZone={timeZone} />
        </Stack>
      </Grid.Col>
      <ReviewDialog opened={reviewing} onClose={() => setReviewing(false)} episodeId={episode.episodeId} today={today} intervalDays={plan.reviewIntervalDays} />
    </Grid>
  );
}

/** The version shown in full: its state, signatures, review date and what can be done next. */
function VersionCard({ version: v, plan, canWrite, timeZone, episodeId, onEdit, onReview }: {
  version: PlanVersion;
  plan: PlanView;
  canWrite: boolean;
  timeZone: string | undefined;
  episodeId: string;
  onEdit: () => void;
  onReview: () => void;
}) {
  const isActive = v.status === 'active';
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="version-heading">
      <Group justify="space-between" align="flex-start" mb="md">
        <Group gap="xs">
          <Title order={2} size="h4" id="version-heading">
            Version {v.version}
          </Title>
          <Badge color={STATUS_COLORS[v.status]} variant="light">
            {STATUS_LABELS[v.status]}
          </Badge>
          {v.reviewOverdue && (
            <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
              Review overdue
            </Badge>
          )}
        </Group>
        {canWrite && (
          <Group gap="sm">
            {isActive && (
              <Button variant="default" leftSection={<IconNotes size={18} aria-hidden />} onClick={onReview}>
                Record review
              </Button>
            )}
            {isActive && !plan.pending && (
              <Button leftSection={<IconEdit size={18} aria-hidden />} onClick={onEdit}>
                Revise plan
              </Button>
            )}
            {!isActive && <PendingActions version={v} episodeId={episodeId} onEdit={onEdit} />}
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        {isActive ? (
          <>
            <Fact name="In effect since">{formatDate(v.effectiveOn)}</Fact>
            <Fact name="Next review due">
              <Text span fw={700} c={v.reviewOverdue ? 'red.8' : undefined} size="sm">
                {formatDate(v.reviewDueOn)}
              </Text>
              <Text span size="xs" c="dimmed" display="block">
                every {plan.reviewIntervalDays} days
              </Text>
            </Fact>
          </>
        ) : (
          <Fact name="Last saved">{formatInstant(v.updatedAt, timeZone)}</Fact>
        )}
        <Fact name="Clinician signature">{v.clinicianSignature ? `${v.clinicianSignature.fullName}, ${formatInstant(v.clinicianSignature.signedAt, timeZone)}` : 'Not signed'}</Fact>
        <Fact name="Patient signature">{v.patientSignature ? `${v.patientSignature.name}, ${formatInstant(v.patientSignature.signedAt, timeZone)}` : 'Not signed'}</Fact>
      </SimpleGrid>
      {v.status === 'awaiting_patient' && <AwaitingNote />}
    </Card>
  );
}

function AwaitingNote() {
  return (
    <Alert mt="md" color="yellow" variant="light" icon={<IconHourglass aria-hidden />} title="Awaiting patient signature">
      The patient reviews and signs this version in the portal (Treatment plan), or in the clinic with you (Patient signs in clinic). It takes effect on the day they sign.
    </Alert>
  );
}

/** Draft: continue or sign. Awaiting the patient: they may sign in the clinic; editing returns it to draft. */
function PendingActions({ version, episodeId, onEdit }: { version: PlanVersion; episodeId: string; onEdit: () => void }) {
  const me = useMe();
  const sign = useSignPlan(episodeId);
  const [signing, setSigning] = useState(false);
  const [signingInClinic, setSigningInClinic] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signerName = me.credentials.length ? `${me.fullName}, ${me.credentials.join(', ')}` : me.fullName;
  const doSign = async () => {
    setError(null);
    try {
      await sign.mutateAsync(version.version);
      setSigning(false);
      notifications.show({ color: 'teal', title: 'Plan signed', message: `Version ${version.version} now waits for the patient’s signature in the portal.` });
    } catch (e) {
      setSigning(false);
      setError(planErrorSentence(e));
    }
  };
  return (
    <>
      {version.status === 'draft' ? (
        <>
          <Button variant="default" leftSection={<IconEdit size={18} aria-hidden />} onClick={onEdit}>
            Continue editing
          </Button>
          <Button leftSection={<IconSignature size={18} aria-hidden />} onClick={() => setSigning(true)}>
            Sign as clinician…
          </Button>
        </>
      ) : (
        <>
          <Button variant="default" leftSection={<IconEdit size={18} aria-hidden />} onClick={onEdit}>
            Edit (clears your signature)
          </Button>
          <Button leftSection={<IconUserCheck size={18} aria-hidden />} onClick={() => setSigningInClinic(true)}>
            Patient signs in clinic…
          </Button>
          <InPersonSignDialog opened={signingInClinic} onClose={() => setSigningInClinic(false)} episodeId={episodeId} version={version} witnessName={signerName} />
        </>
      )}
      <SignDialog opened={signing} busy={sign.isPending} signerName={signerName} onCancel={() => setSigning(false)} onSign={() => void doSign()} />
      {error && (
        <div style={{ flexBasis: '100%' }}>
          <FormAlert message={error} title="Not signed" />
          {version.status === 'draft' && (
            <Text size="sm" mt={4}>
              Open the editor to see which fields need attention.
            </Text>
          )}
        </div>
      )}
    </>
  );
}

/** A new version in progress while another is in force. */
function PendingCard({ version, episodeId, canWrite, onEdit, timeZone, staffName, phaseName }: {
  version: PlanVersion;
  episodeId: string;
  canWrite: boolean;
  onEdit: () => void;
  timeZone: string | undefined;
  staffName: (id: string) => string;
  phaseName: (id: string | null) => string | null;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder radius="md" padding="md" bg={version.status === 'draft' ? 'var(--mantine-color-gray-0)' : 'var(--mantine-color-yellow-0)'}>
      <Group justify="space-between" align="center">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={700}>Version {version.version}</Text>
            <Badge color={STATUS_COLORS[version.status]} variant="light">
              {STATUS_LABELS[version.status]}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {version.clinicianSignature
              ? `Signed by ${version.clinicianSignature.fullName}, ${formatInstant(version.clinicianSignature.signedAt, timeZone)}. Replaces version in effect when the patient signs.`
              : `Started by ${version.createdBy.fullName}; last saved ${formatInstant(version.updatedAt, timeZone)}.`}
          </Text>
        </Stack>
        <Group gap="sm">
          <Button variant="subtle" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? 'Hide' : 'Show'} version {version.version}
          </Button>
          {canWrite && <PendingActions version={version} episodeId={episodeId} onEdit={onEdit} />}
        </Group>
      </Group>
      <Collapse expanded={open}>
        <Stack mt="md">
          <PlanContentView content={version.content} progress={[]} staffName={staffName} phaseName={phaseName} />
        </Stack>
      </Collapse>
    </Card>
  );
}
