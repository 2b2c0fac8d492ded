import { Accordion, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { formatDate } from '../time/dates.ts';
import { CANDIDACY_QUESTIONS, levelLabel, ratingColor, ROUTE_LABELS } from './intake-labels.ts';
import type { IntakeAssessment } from './intake-types.ts';
import { useIntakeAssessments } from './useIntake.ts';

/** The chart's intake assessments, newest first: the recommendation beside the decision. */
export function IntakeHistory({ patientId }: { patientId: string }) {
  const me = useMe();
  const assessments = useIntakeAssessments(patientId);
  const canAssess = permissions.assessPlacement(me);
  const newLink = canAssess ? (
    <Button component={Link} to={`/patients/${patientId}/intake/new`} leftSection={<IconPlus size={18} aria-hidden />} variant="default">
      New intake assessment
    </Button>
  ) : null;

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="intake-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="intake-heading">
          Intake assessments
        </Title>
        {assessments.data && assessments.data.length > 0 && newLink}
      </Group>
      {assessments.isPending && <SectionLoader label="Loading intake assessments" />}
      {assessments.isError && <ErrorState error={assessments.error} onRetry={() => void assessments.refetch()} />}
      {assessments.data?.length === 0 && (
        <EmptyNote title="No intake assessment yet" action={newLink}>
          Rate the six dimensions and the IOP candidacy questions to get a level-of-care recommendation.
        </EmptyNote>
      )}
      {assessments.data && assessments.data.length > 0 && (
        <Accordion variant="separated" defaultValue={assessments.data[0]!.assessmentId}>
          {assessments.data.map((a) => (
            <Accordion.Item key={a.assessmentId} value={a.assessmentId}>
              <Accordion.Control>
                <AssessmentLine assessment={a} />
              </Accordion.Control>
              <Accordion.Panel>
                <AssessmentDetails assessment={a} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Card>
  );
}

function AssessmentLine({ assessment: a }: { assessment: IntakeAssessment }) {
  const overridden = a.decision === 'overridden' || a.placedLevel !== a.recommendation.levelCode;
  return (
    <Group justify="space-between" gap="xs" wrap="wrap">
      <Stack gap={0}>
        <Text fw={600}>{formatDate(a.assessedOn)}</Text>
        <Text size="sm" c="dimmed">
          {a.assessedBy.fullName}
          {a.programName ? ` · for ${a.programName}` : ''}
        </Text>
      </Stack>
      <Group gap="xs">
        {a.recommendation.route !== 'level_of_care' && (
          <Badge color="red" variant="filled">
            {ROUTE_LABELS[a.recommendation.route]}
          </Badge>
        )}
        <Text size="sm">
          Recommended <b>{levelLabel(a.recommendation.levelCode, a.recommendation.levelName)}</b>
        </Text>
        <Text size="sm" c="dimmed" aria-hidden>
          →
        </Text>
        <Text size="sm">
          Placed <b>{levelLabel(a.placedLevel, a.placedLevelName)}</b>
        </Text>
        <Badge color={overridden ? 'orange' : 'teal'} variant="light">
          {overridden ? 'Overridden' : 'Accepted'}
        </Badge>
      </Group>
    </Group>
  );
}

function AssessmentDetails({ assessment: a }: { assessment: IntakeAssessment }) {
  return (
    <Stack gap="md">
      {a.overrideReason && (
        <Text size="sm">
          <b>Reason for overriding:</b> {a.overrideReason}
        </Text>
      )}
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing={6} aria-label="Dimension ratings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Dimension</Table.Th>
              <Table.Th w={90}>Rating</Table.Th>
              <Table.Th>Notes</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.dimensions.map((d) => (
              <Table.Tr key={d.number}>
                <Table.Td>
                  {d.number}. {d.name}
                </Table.Td>
                <Table.Td>
                  <Badge color={ratingColor(d.rating)} variant="light">
                    {d.rating}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{d.notes || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap={4}>
          <Text fw={600} size="sm">
            Why this recommendation
          </Text>
          <List size="sm" spacing={4}>
            {a.recommendation.reasons.map((r) => (
              <List.Item key={`${r.code}-${r.dimension ?? ''}`}>{r.text}</List.Item>
            ))}
          </List>
        </Stack>
        <Stack gap={4}>
          <Text fw={600} size="sm">
            IOP candidacy
          </Text>
          <List size="sm" spacing={4}>
            {CANDIDACY_QUESTIONS.map((q) => (
              <List.Item key={q.key}>
                {q.question} <b>{a.candidacy[q.key] ? 'Yes' : 'No'}</b>
              </List.Item>
            ))}
          </List>
        </Stack>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        ASAM Criteria {a.edition === '4' ? '4th' : '3rd'} edition, {a.population} criteria.
      </Text>
    </Stack>
  );
}
