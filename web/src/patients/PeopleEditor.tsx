import { ActionIcon, Autocomplete, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { newPerson, type PatientFormValues } from './patient-form.ts';
import { RELATIONSHIP_OPTIONS } from './patient-labels.ts';

/** Emergency contact and support persons (family, sponsor…). */
export function PeopleEditor({ form }: { form: UseFormReturnType<PatientFormValues> }) {
  const rows = form.values.supportPersons;
  return (
    <Stack gap="lg">
      <Stack gap="sm" component="section" aria-labelledby="emergency-heading">
        <Title order={2} size="h4" id="emergency-heading">
          Emergency contact
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput label="Name" {...form.getInputProps('emergencyContact.name')} />
          <Autocomplete label="Relationship" data={RELATIONSHIP_OPTIONS} {...form.getInputProps('emergencyContact.relationship')} />
          <TextInput label="Phone" type="tel" {...form.getInputProps('emergencyContact.phone')} />
          <TextInput label="E-mail" type="email" {...form.getInputProps('emergencyContact.email')} />
        </SimpleGrid>
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="support-heading">
        <Stack gap={2}>
          <Title order={2} size="h4" id="support-heading">
            Support persons
          </Title>
          <Text size="sm" c="dimmed">
            Family members, a sponsor or others involved in treatment (with the patient’s consent).
          </Text>
        </Stack>
        {rows.map((row, index) => (
          <Paper key={row.key} withBorder p="sm" radius="md" role="group" aria-label={`Support person ${index + 1}`}>
            <Group align="flex-start" gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" style={{ flex: 1 }}>
                <TextInput label="Name" {...form.getInputProps(`supportPersons.${index}.name`)} />
                <Autocomplete label="Relationship" data={RELATIONSHIP_OPTIONS} {...form.getInputProps(`supportPersons.${index}.relationship`)} />
                <TextInput label="Phone" type="tel" {...form.getInputProps(`supportPersons.${index}.phone`)} />
                <TextInput label="E-mail" type="email" {...form.getInputProps(`supportPersons.${index}.email`)} />
              </SimpleGrid>
              <ActionIcon variant="default" size="lg" mt={25} aria-label={`Remove support person ${index + 1}`} onClick={() => form.removeListItem('supportPersons', index)}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        <Button variant="default" w="fit-content" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => form.insertListItem('supportPersons', newPerson())}>
          Add a support person
        </Button>
      </Stack>
    </Stack>
  );
}
