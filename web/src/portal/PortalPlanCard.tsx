import { Alert, Button, Card, Divider, Stack, Text, Title } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { ObjectiveProgressRow, objectivesOf, progressOf } from './ObjectiveProgressRow.tsx';
import classes from './Portal.module.css';
import { usePortalPlans } from './usePortalCare.ts';

/** Home: the plan waiting for the patient's signature, and progress toward the goals in force. */
export function PortalPlanCard() {
  const plans = usePortalPlans();
  if (plans.isSuccess && plans.data.plans.length === 0) return null;
  const awaiting = plans.data?.plans.filter((p) => p.awaitingSignature) ?? [];
  const active = plans.data?.plans.filter((p) => p.active) ?? [];
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="my-plan">
      <Stack gap="md">
        <Title order={2} size="h3" id="my-plan">
          My treatment plan
        </Title>
        {plans.isPending ? (
          <SectionLoader label="Loading your plan" />
        ) : plans.isError ? (
          <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
        ) : (
          <>
            {awaiting.length > 0 && (
              <Alert color="indigo" variant="light" radius="md" title="Your plan is ready for you to sign" icon={<IconSignature aria-hidden />}>
                <Stack gap="sm" align="flex-start">
                  <Text>Your care team has written your treatment plan. Read it, and sign it when you agree.</Text>
                  <Button component={Link} to="/portal/plan" size="lg">
                    Review and sign my plan
                  </Button>
                </Stack>
              </Alert>
            )}
            {active.map((plan) => {
              const content = plan.active!.content;
              const objectives = objectivesOf(content);
              const reached = objectives.filter((o) => progressOf(plan.progress, o.objectiveId)?.met).length;
              return (
                <Stack key={plan.episodeId} gap="md">
                  <Text fw={600}>
                    {reached} of {objectives.length} {objectives.length === 1 ? 'step' : 'steps'} toward your goals reached
                  </Text>
                  {content.problems.flatMap((problem) =>
                    problem.goals.map((goal) => (
                      <Stack key={goal.goalId} gap="sm" component="section" aria-label={`Goal: ${goal.statement}`} className={classes.goal}>
                        <Text fw={700} size="lg" lh={1.3}>
                          {goal.statement}
                        </Text>
                        {goal.objectives.map((o, i) => (
                          <Stack key={o.objectiveId} gap="sm">
                            {i > 0 && <Divider />}
                            <ObjectiveProgressRow objective={o} progress={progressOf(plan.progress, o.objectiveId)} />
                          </Stack>
                        ))}
                      </Stack>
                    )),
                  )}
                </Stack>
              );
            })}
            {awaiting.length === 0 && active.length === 0 && <Text>Your care team will share your treatment plan here once it is written with you.</Text>}
            {active.length > 0 && (
              <Button component={Link} to="/portal/plan" variant="default" size="lg" fullWidth>
                See my whole plan
              </Button>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
