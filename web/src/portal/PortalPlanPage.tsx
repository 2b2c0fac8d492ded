import { Alert, Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { usePageTitle } from '../shell/usePageTitle.ts';
import { formatDate, localDateOf } from '../time/dates.ts';
import type { PortalPlan } from './portal-care-types.ts';
import { PlanContentView } from './PlanContentView.tsx';
import { PlanSignForm } from './PlanSignForm.tsx';
import { usePortalOutletMe } from './usePortal.ts';
import { usePortalPlans } from './usePortalCare.ts';

/** /portal/plan — the treatment plan in plain words, its progress, and signing it. */
export function PortalPlanPage() {
  usePageTitle('My treatment plan');
  const plans = usePortalPlans();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/portal" w="fit-content" py={6}>
        <Group gap={4} wrap="nowrap">
          <IconChevronLeft size={18} aria-hidden />
          Back to my home
        </Group>
      </Anchor>
      <Title order={1} size="h2">
        My treatment plan
      </Title>
      {plans.isPending ? (
        <SectionLoader label="Loading your plan" />
      ) : plans.isError ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.plans.every((p) => !p.active && !p.awaitingSignature) ? (
        <Card withBorder radius="lg" padding="lg">
          <Text>Your care team will share your treatment plan here once it is written with you.</Text>
        </Card>
      ) : (
        plans.data.plans.map((plan) => <EpisodePlan key={plan.episodeId} plan={plan} showProgram={plans.data.plans.length > 1} />)
      )}
    </Stack>
  );
}

function EpisodePlan({ plan, showProgram }: { plan: PortalPlan; showProgram: boolean }) {
  // The version this page just signed, to confirm it once the list has reloaded.
  const [signed, setSigned] = useState<number | null>(null);
  const { timeZone } = usePortalOutletMe();
  const dayOf = (instant: string) => formatDate(localDateOf(new Date(instant), timeZone));
  const pending = plan.awaitingSignature;
  const active = plan.active;
  if (!pending && !active) return null;
  return (
    <Stack gap="md" component="section" aria-label={showProgram ? plan.programName : 'Plan'}>
      {showProgram && (
        <Title order={2} size="h3">
          {plan.programName}
        </Title>
      )}
      {signed !== null && active?.version === signed && (
        <Alert color="teal" variant="light" radius="md" icon={<IconCircleCheck aria-hidden />} title="Signed" role="status">
          Thank you. Your plan is in effect from {formatDate(active.effectiveOn)}.
        </Alert>
      )}
      {pending ? (
        <>
          <Alert color="indigo" variant="light" radius="md" title="Please read your plan and sign it">
            <Text>
              {pending.clinicianSignature
                ? `${pending.clinicianSignature.fullName} signed this plan on ${dayOf(pending.clinicianSignature.signedAt)}. `
                : ''}
              It takes effect when you sign it.
              {active ? ' Until then, your current plan stays in effect.' : ''}
            </Text>
          </Alert>
          {/* Objectives keep their ids across versions, so progress so far shows beside the same steps. */}
          <PlanContentView content={pending.content} progress={plan.progress} staff={pending.responsibleStaff} />
          <PlanSignForm episodeId={plan.episodeId} version={pending.version} updatedAt={pending.updatedAt} onSigned={() => setSigned(pending.version)} />
        </>
      ) : active ? (
        <>
          <Text c="dimmed">
            In effect since {formatDate(active.effectiveOn)} · your care team reviews it with you by {formatDate(active.reviewDueOn)}
          </Text>
          <PlanContentView content={active.content} progress={plan.progress} staff={active.responsibleStaff} />
          {active.patientSignature && (
            <Text size="sm" c="dimmed">
              Signed by you ({active.patientSignature.name}) on {dayOf(active.patientSignature.signedAt)}
              {active.clinicianSignature ? ` and by ${active.clinicianSignature.fullName}` : ''}.
            </Text>
          )}
        </>
      ) : null}
    </Stack>
  );
}
