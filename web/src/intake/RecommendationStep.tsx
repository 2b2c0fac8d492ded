import { Alert, Badge, Card, Group, List, Loader, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput, ThemeIcon, Title, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertOctagon, IconArrowsExchange, IconCheck, IconClipboardCheck } from '@tabler/icons-react';
import { FormAlert } from '../shell/States.tsx';
import type { IntakeFormValues } from './intake-form.ts';
import { levelLabel, ratingColor } from './intake-labels.ts';
import type { Recommendation } from './intake-types.ts';

interface RecommendationStepProps {
  form: UseFormReturnType<IntakeFormValues>;
  recommendation: Recommendation | null;
  loading: boolean;
  previewError: string | null;
  /** Levels of care of the organization's edition, for an override. */
  levels: { code: string; name: string }[];
  /** The six ratings as given, shown beside the recommendation. */
  ratings: { number: number; name: string; rating: string }[];
}

/** Step 3: the recommendation with its reasons, then the clinician's decision. */
export function RecommendationStep({ form, recommendation, loading, previewError, levels, ratings }: RecommendationStepProps) {
  if (previewError) return <FormAlert message={previewError} title="The recommendation could not be computed" />;
  if (!recommendation) {
    return (
      <Group gap="sm" py="xl" justify="center" role="status">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed">Computing the recommendation…</Text>
      </Group>
    );
  }
  const decision = form.values.decision;
  return (
    <Stack gap="md">
      <ExclusionAlert recommendation={recommendation} />
      <Card withBorder radius="md" padding="lg" aria-live="polite" aria-busy={loading} opacity={loading ? 0.6 : 1}>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon size={40} radius="md" variant="light" color={recommendation.route === 'level_of_care' ? 'teal' : 'red'} aria-hidden>
            <IconClipboardCheck size={24} />
          </ThemeIcon>
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Recommended level of care
            </Text>
            <Title order={2} size="h3">
              {levelLabel(recommendation.levelCode, recommendation.levelName)}
            </Title>
          </Stack>
        </Group>
        <Group gap={6} mt="md" aria-label="Ratings">
          {ratings.map((r) => (
            <Tooltip key={r.number} label={r.name}>
              <Badge variant="light" color={ratingColor(Number(r.rating))} tabIndex={0}>
                Dimension {r.number}: {r.rating}
              </Badge>
            </Tooltip>
          ))}
        </Group>
        <Text fw={600} size="sm" mt="md" mb={4}>
          Why
        </Text>
        <List spacing={6} size="sm">
          {recommendation.reasons.map((reason) => (
            <List.Item key={`${reason.code}-${reason.dimension ?? ''}`}>
              {reason.dimension !== null && (
                <Badge size="sm" variant="light" color="gray" mr={6}>
                  Dimension {reason.dimension}
                </Badge>
              )}
              {reason.text}
            </List.Item>
          ))}
        </List>
      </Card>

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="decision-heading">
        <Title order={2} size="h4" id="decision-heading" mb="sm">
          Your decision
        </Title>
        <Radio.Group
          value={decision.kind}
          onChange={(value) => form.setFieldValue('decision.kind', value as 'accept' | 'override')}
          aria-labelledby="decision-heading"
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Radio.Card value="accept" radius="md" p="md">
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={2} />
                <div>
                  <Group gap={6}>
                    <IconCheck size={16} aria-hidden />
                    <Text fw={600} size="sm">
                      Accept the recommendation
                    </Text>
                  </Group>
                  <Text size="sm" c="dimmed">
                    Place at {levelLabel(recommendation.levelCode, recommendation.levelName)}.
                  </Text>
                </div>
              </Group>
            </Radio.Card>
            <Radio.Card value="override" radius="md" p="md">
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={2} />
                <div>
                  <Group gap={6}>
                    <IconArrowsExchange size={16} aria-hidden />
                    <Text fw={600} size="sm">
                      Override
                    </Text>
                  </Group>
                  <Text size="sm" c="dimmed">
                    Place at another level, with the clinical reason.
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          </SimpleGrid>
        </Radio.Group>
        {decision.kind === 'override' && (
          <Stack gap="sm" mt="md">
            <Select
              label="Place at"
              required
              searchable
              maw={480}
              data={levels
                .filter((l) => l.code !== recommendation.levelCode)
                .map((l) => ({ value: l.code, label: levelLabel(l.code, l.name) }))}
              {...form.getInputProps('decision.placedLevel')}
            />
            <Textarea
              label="Reason for overriding"
              description="Kept beside the recommendation in the chart."
              required
              autosize
              minRows={2}
              {...form.getInputProps('decision.reason')}
            />
          </Stack>
        )}
        <TextInput label="Assessed on" type="date" required mt="md" maw={220} {...form.getInputProps('assessedOn')} />
      </Card>
    </Stack>
  );
}

/** Withdrawal management and emergency routes: impossible to miss, and saying what to do. */
export function ExclusionAlert({ recommendation }: { recommendation: Recommendation }) {
  if (recommendation.route === 'level_of_care') return null;
  const emergency = recommendation.route === 'emergency';
  return (
    <Alert
      color="red"
      variant="filled"
      radius="md"
      icon={<IconAlertOctagon size={28} aria-hidden />}
      title={emergency ? 'Emergency: imminent danger to self or others' : 'Not an IOP placement: refer to withdrawal management'}
      role="alert"
      styles={{ title: { fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <Text size="sm">
        {emergency
          ? 'Do not leave the patient alone. Follow the facility’s emergency procedure now: call 911 (or 988 for a crisis evaluation) and arrange emergency or inpatient care.'
          : 'Withdrawal risk needs medically monitored or managed withdrawal before an intensive outpatient program. Arrange the referral today.'}
      </Text>
    </Alert>
  );
}
