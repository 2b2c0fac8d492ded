import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { InstrumentForm } from '../instruments/InstrumentForm.tsx';
import type { Answers } from '../instruments/instrument-types.ts';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { usePageTitle } from '../shell/usePageTitle.ts';
import { CrisisResources, careTeamAlerted } from './CrisisResources.tsx';
import { questionCount } from './portal-care-labels.ts';
import type { PortalDueQuestionnaire, PortalQuestionnaireReceipt } from './portal-care-types.ts';
import { questionnairePath } from './PortalQuestionnairesCard.tsx';
import { usePortalQuestionnaires, useSubmitQuestionnaire } from './usePortalCare.ts';
import { BackHome } from './BackHome.tsx';

/** /portal/questionnaires/:episodeId/:instrument — one due questionnaire, then thanks (no score). */
export function PortalQuestionnairePage() {
  const { episodeId = '', instrument = '' } = useParams();
  const questionnaires = usePortalQuestionnaires();
  const submit = useSubmitQuestionnaire();
  // The receipt of this page's answers; reset when the page moves on to the next questionnaire.
  const [sent, setSent] = useState<{ key: string; receipt: PortalQuestionnaireReceipt; name: string } | null>(null);
  const key = `${episodeId}/${instrument}`;
  const due = questionnaires.data?.due.find((q) => q.episodeId === episodeId && q.instrument === instrument);
  usePageTitle(sent?.key === key ? 'Thank you' : (due?.definition.name ?? 'Questionnaire'));

  // The next questionnaire opens on the same page: the last one's refusal does not belong to it.
  const { reset } = submit;
  useEffect(() => {
    reset();
  }, [key, reset]);

  if (sent?.key === key) {
    const others = questionnaires.data?.due.filter((q) => !(q.episodeId === episodeId && q.instrument === instrument)) ?? [];
    return <Thanks receipt={sent.receipt} name={sent.name} others={others} />;
  }

  const send = (q: PortalDueQuestionnaire) => (answers: Answers) => {
    submit.mutate(
      { instrument: q.instrument, episodeId: q.episodeId, answers },
      { onSuccess: (receipt) => setSent({ key, receipt, name: q.definition.name }) },
    );
  };

  return (
    <Stack gap="lg">
      <BackHome />
      {questionnaires.isPending ? (
        <SectionLoader label="Loading the questionnaire" />
      ) : questionnaires.isError ? (
        <ErrorState error={questionnaires.error} onRetry={() => void questionnaires.refetch()} />
      ) : !due ? (
        <Card withBorder radius="lg" padding="lg">
          <Stack gap="sm" align="flex-start">
            <Title order={1} size="h2">
              Nothing to fill in here
            </Title>
            <Text>This questionnaire is not due right now, or it has already been sent. Thank you.</Text>
            <Button component={Link} to="/portal" size="lg">
              Back to my home
            </Button>
          </Stack>
        </Card>
      ) : (
        <>
          <Stack gap={4}>
            <Title order={1} size="h2">
              {due.definition.name}
            </Title>
            <Text c="dimmed">
              {questionCount(due)} · a few minutes · for your care team at {due.programName}
            </Text>
          </Stack>
          <InstrumentForm definition={due.definition} onSubmit={send(due)} submitting={submit.isPending} error={submit.error} />
        </>
      )}
    </Stack>
  );
}

/** After sending: the crisis resources first when the answers call for them, then thanks. */
function Thanks({ receipt, name, others }: { receipt: PortalQuestionnaireReceipt; name: string; others: PortalDueQuestionnaire[] }) {
  const next = others[0];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The crisis banner takes focus itself; otherwise the thanks is announced.
    if (!receipt.crisisResources) heading.current?.focus();
  }, [receipt.crisisResources]);
  return (
    <Stack gap="lg">
      {receipt.crisisResources && <CrisisResources alerted={careTeamAlerted(receipt)} />}
      <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="thanks-title">
        <Stack gap="md" align="flex-start">
          <Group gap="sm" wrap="nowrap">
            <IconCircleCheck size={32} color="var(--mantine-color-teal-7)" aria-hidden />
            <Title order={1} size="h2" id="thanks-title" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
              Thank you
            </Title>
          </Group>
          <Text size="lg">Your answers to the {name} were sent to your care team.</Text>
          {next ? (
            <Stack gap="sm" w="100%">
              <Text>
                {others.length === 1 ? 'There is one more questionnaire for you' : `There are ${others.length} more questionnaires for you`}. Next: the {next.definition.name}.
              </Text>
              <Button component={Link} to={questionnairePath(next)} size="lg" fullWidth>
                Start the {next.definition.shortName}
              </Button>
              <Button component={Link} to="/portal" size="lg" variant="default" fullWidth>
                Later: back to my home
              </Button>
            </Stack>
          ) : (
            <Button component={Link} to="/portal" size="lg" fullWidth>
              Back to my home
            </Button>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
