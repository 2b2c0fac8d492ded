import { Alert, Box, Group, Stack, Table, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';
import { CRITERION_LABELS } from './step-down-labels.ts';
import type { Evaluation } from './step-down-types.ts';

/** The evidence: each advancement criterion with what it requires and what the patient shows, then any concerns. */
export function EvaluationDetails({ evaluation }: { evaluation: Evaluation }) {
  return (
    <Stack gap="sm">
      {evaluation.concerns.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={evaluation.concerns.length === 1 ? 'Concern' : 'Concerns'} p="sm">
          <Stack gap={2}>
            {evaluation.concerns.map((c) => (
              <Text size="sm" key={c.key}>
                {c.text}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {evaluation.criteria.length > 0 && (
        <>
          <Box visibleFrom="sm">
            <Table verticalSpacing={6} fz="sm" aria-label="Advancement criteria">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36}>
                    <VisuallyHidden>Met</VisuallyHidden>
                  </Table.Th>
                  <Table.Th>Criterion</Table.Th>
                  <Table.Th>Required</Table.Th>
                  <Table.Th>Actual</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {evaluation.criteria.map((c) => (
                  <Table.Tr key={c.key}>
                    <Table.Td>
                      <MetIcon met={c.met} />
                    </Table.Td>
                    <Table.Td fw={500}>{CRITERION_LABELS[c.key] ?? c.key}</Table.Td>
                    <Table.Td>{c.required}</Table.Td>
                    <Table.Td fw={c.met ? 400 : 600} c={c.met ? undefined : 'red.8'}>
                      {c.actual}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          {/* A phone: one criterion per block instead of a table wider than the screen. */}
          <Stack gap="sm" hiddenFrom="sm" role="list" aria-label="Advancement criteria">
            {evaluation.criteria.map((c) => (
              <Group key={c.key} gap="sm" wrap="nowrap" align="flex-start" role="listitem">
                <MetIcon met={c.met} />
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {CRITERION_LABELS[c.key] ?? c.key}
                  </Text>
                  <Text size="sm" fw={c.met ? 400 : 600} c={c.met ? undefined : 'red.8'}>
                    {c.actual}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Required: {c.required}
                  </Text>
                </Stack>
              </Group>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

function MetIcon({ met }: { met: boolean }) {
  return (
    <ThemeIcon size={22} radius="xl" color={met ? 'teal' : 'gray'} variant={met ? 'filled' : 'light'} aria-label={met ? 'Met' : 'Not met'} role="img" style={{ flexShrink: 0 }}>
      {met ? <IconCheck size={14} aria-hidden /> : <IconX size={14} aria-hidden />}
    </ThemeIcon>
  );
}
