import { ActionIcon, Button, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { newDiagnosis, type PatientFormValues } from './patient-form.ts';

/** ICD-10-CM diagnoses, one of them primary. */
export function DiagnosesEditor({ form }: { form: UseFormReturnType<PatientFormValues> }) {
  const rows = form.values.diagnoses;
  const primaryIndex = rows.findIndex((d) => d.primary);
  const setPrimary = (index: number) =>
    form.setFieldValue(
      'diagnoses',
      rows.map((d, i) => ({ ...d, primary: i === index })),
    );
  return (
    <Stack gap="sm" component="section" aria-labelledby="diagnoses-heading">
      <Stack gap={2}>
        <Title order={2} size="h4" id="diagnoses-heading">
          Diagnoses
        </Title>
        <Text size="sm" c="dimmed">
          ICD-10-CM codes, for example F10.20 (alcohol dependence, uncomplicated). Mark one as primary.
        </Text>
      </Stack>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          None entered.
        </Text>
      )}
      <Radio.Group value={primaryIndex >= 0 ? String(primaryIndex) : null} onChange={(v) => setPrimary(Number(v))} aria-label="Primary diagnosis" error={form.errors['diagnoses']}>
        <Stack gap="sm">
          {rows.map((row, index) => (
            <Paper key={row.key} withBorder p="sm" radius="md" role="group" aria-label={`Diagnosis ${index + 1}`}>
              <Group align="flex-start" gap="sm" wrap="wrap">
                <TextInput
                  label="ICD-10-CM code"
                  w={150}
                  autoCapitalize="characters"
                  {...form.getInputProps(`diagnoses.${index}.code`)}
                  onBlur={() => form.setFieldValue(`diagnoses.${index}.code`, row.code.trim().toUpperCase())}
                />
                <TextInput label="Description" style={{ flex: '1 1 240px' }} {...form.getInputProps(`diagnoses.${index}.description`)} />
                <Radio value={String(index)} label="Primary" mt={32} />
                <ActionIcon
                  variant="default"
                  size="lg"
                  mt={25}
                  aria-label={`Remove diagnosis ${index + 1}`}
                  onClick={() => form.removeListItem('diagnoses', index)}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            </Paper>
          ))}
        </Stack>
      </Radio.Group>
      <Button variant="default" w="fit-content" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => form.insertListItem('diagnoses', newDiagnosis(rows.length === 0))}>
        Add a diagnosis
      </Button>
    </Stack>
  );
}
