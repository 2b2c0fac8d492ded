import { Badge, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDay, formatInstantTime } from '../time/dates.ts';
import { DOSE_OUTCOME_LABELS } from './medication-labels.ts';
import type { DoseRecord } from './medication-types.ts';

const FIRST_ROWS = 8;

/** The recent observed doses, newest first: what happened, what was given and how the patient responded. */
export function DoseLogTable({ doses, timeZone }: { doses: DoseRecord[]; timeZone: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? doses : doses.slice(0, FIRST_ROWS);
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={6} fz="sm" aria-label="Observed dose log, newest first">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Day</Table.Th>
              <Table.Th>Medication</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>Details</Table.Th>
              <Table.Th>Recorded by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((d) => (
              <Table.Tr key={d.doseId}>
                <Table.Td>{formatDay(d.scheduledOn)}</Table.Td>
                <Table.Td>{d.medicationName}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={DOSE_OUTCOME_LABELS[d.outcome].color} tt="none">
                    {DOSE_OUTCOME_LABELS[d.outcome].label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {d.outcome === 'given' && (
                    <Text size="sm">
                      {d.doseGiven} at {formatInstantTime(d.givenAt, timeZone)}
                    </Text>
                  )}
                  {d.patientResponse && (
                    <Text size="xs" c="dimmed">
                      Response: {d.patientResponse}
                    </Text>
                  )}
                  {d.note && (
                    <Text size="xs" c="dimmed">
                      {d.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={d.recordedBy ? undefined : 'dimmed'}>
                    {d.recordedBy?.fullName ?? 'End of day (not recorded)'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {doses.length > FIRST_ROWS && (
        <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => setAll((a) => !a)}>
          {all ? 'Show fewer' : `Show all ${doses.length}`}
        </Button>
      )}
    </>
  );
}
