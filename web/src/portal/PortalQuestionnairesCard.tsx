import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconChevronRight, IconClipboardCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { dueSentence, questionCount } from './portal-care-labels.ts';
import type { PortalDueQuestionnaire } from './portal-care-types.ts';
import classes from './Portal.module.css';
import { usePortalQuestionnaires } from './usePortalCare.ts';

export function questionnairePath(q: Pick<PortalDueQuestionnaire, 'episodeId' | 'instrument'>): string {
  return `/portal/questionnaires/${q.episodeId}/${q.instrument}`;
}

/** Home: the questionnaires the care team asks for now, each a tap away. */
export function PortalQuestionnairesCard({ today }: { today: string }) {
  const questionnaires = usePortalQuestionnaires();
  const due = questionnaires.data?.due ?? [];
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="questionnaires-due">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={2} size="h3" id="questionnaires-due">
            Questionnaires due
          </Title>
          {questionnaires.isSuccess && (
            <Badge size="xl" radius="xl" color={due.length > 0 ? 'indigo' : 'gray'} variant={due.length > 0 ? 'filled' : 'light'} aria-label={`${due.length} due`} style={{ flexShrink: 0 }}>
              {due.length}
            </Badge>
          )}
        </Group>
        {questionnaires.isPending ? (
          <SectionLoader label="Loading your questionnaires" />
        ) : questionnaires.isError ? (
          <ErrorState error={questionnaires.error} onRetry={() => void questionnaires.refetch()} />
        ) : due.length === 0 ? (
          <Text>You are all caught up. Thank you.</Text>
        ) : (
          <>
            <Text>A few questions about how you have been. Your answers help your care team.</Text>
            <Stack gap="xs" component="ul" className={classes.plainList}>
              {due.map((q) => (
                <li key={`${q.episodeId}-${q.instrument}`}>
                  <Button
                    component={Link}
                    to={questionnairePath(q)}
                    variant="default"
                    size="lg"
                    fullWidth
                    className={classes.dueItem}
                    leftSection={<IconClipboardCheck size={24} aria-hidden />}
                    rightSection={<IconChevronRight size={20} aria-hidden />}
                    justify="space-between"
                  >
                    <span className={classes.dueText}>
                      <span className={classes.dueName}>{q.definition.name}</span>
                      <span className={classes.dueMeta}>
                        {q.status === 'overdue' && <span className={classes.overdue}>Overdue</span>}
                        {questionCount(q)} · {dueSentence(q, today)}
                      </span>
                    </span>
                  </Button>
                </li>
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </Card>
  );
}
