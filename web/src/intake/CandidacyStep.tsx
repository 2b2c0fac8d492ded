import { Group, Paper, Radio, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { IntakeFormValues } from './intake-form.ts';
import { CANDIDACY_QUESTIONS } from './intake-labels.ts';

/** Step 2: the IOP candidacy questions, each answered yes or no. */
export function CandidacyStep({ form }: { form: UseFormReturnType<IntakeFormValues> }) {
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        These questions say whether an intensive outpatient schedule fits the patient’s life. They adjust the recommendation and add reasons to it.
      </Text>
      {CANDIDACY_QUESTIONS.map((q) => {
        const path = `candidacy.${q.key}`;
        return (
          <Paper key={q.key} withBorder radius="md" p="md">
            <Radio.Group
              label={q.question}
              description={q.hint}
              value={form.values.candidacy[q.key]}
              onChange={(value) => {
                form.setFieldValue(path, value as 'yes' | 'no');
                form.clearFieldError(path);
              }}
              error={form.errors[path]}
              styles={{ label: { fontWeight: 600 } }}
            >
              <Group gap="xl" mt="xs">
                <Radio value="yes" label="Yes" />
                <Radio value="no" label="No" />
              </Group>
            </Radio.Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
