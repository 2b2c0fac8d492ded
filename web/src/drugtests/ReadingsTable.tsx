import { Badge, Stack, Table, Text } from '@mantine/core';
import { ANALYTE_CATALOG, isAnalyteCode } from '../../../src/drugtests/panels.ts';
import { INTERPRETATION_LABELS, METHOD_LABELS } from './drug-test-labels.ts';
import type { DrugTestDetail, Interpretation, Reading } from './drug-test-types.ts';

/** What needs attention first: unexpected positives, then missing prescribed medication. */
const ORDER: Interpretation[] = ['positive', 'missing_expected', 'expected', 'negative'];
const METHOD_ORDER = ['poc_cup', 'lab_initial', 'lab_confirmation'];

export function analyteName(code: string): string {
  return isAnalyteCode(code) ? ANALYTE_CATALOG[code].name : code;
}

/**
 * One row per substance: what it means for this patient (decided by the most authoritative
 * reading), with each reading against the cut-off in force.
 */
export function ReadingsTable({ findings, readings }: { findings: DrugTestDetail['analytes']; readings: Reading[] }) {
  if (findings.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No readings.
      </Text>
    );
  }
  const sorted = [...findings].sort((a, b) => ORDER.indexOf(a.interpretation) - ORDER.indexOf(b.interpretation) || a.name.localeCompare(b.name));
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} fz="sm" aria-label="Results by substance">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Substance</Table.Th>
            <Table.Th>Readings</Table.Th>
            <Table.Th>Meaning for this patient</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((f) => {
            const meaning = INTERPRETATION_LABELS[f.interpretation];
            const own = readings.filter((r) => r.analyte === f.analyte).sort((a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
            return (
              <Table.Tr key={f.analyte}>
                <Table.Td fw={500}>{f.name}</Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {own.map((r) => (
                      <ReadingLine key={r.resultId} reading={r} />
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {f.interpretation === 'negative' ? (
                    <Text size="sm" c="dimmed">
                      {meaning.label}
                    </Text>
                  ) : (
                    <Badge variant={f.interpretation === 'expected' ? 'light' : 'filled'} color={meaning.color} tt="none">
                      {meaning.label}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ReadingLine({ reading: r }: { reading: Reading }) {
  const superseded = r.supersededBy !== null;
  const value = r.value !== null ? `${r.value} ${r.unit ?? 'ng/mL'}` : null;
  const cutoff = r.cutoff !== null ? `cut-off ${r.cutoff}` : null;
  return (
    <Text size="sm" c={superseded ? 'dimmed' : undefined} td={superseded ? 'line-through' : undefined} title={superseded ? `Overridden by the ${METHOD_LABELS[r.supersededBy!].toLowerCase()}` : undefined}>
      <Text span size="xs" c="dimmed" fw={600} tt="uppercase" mr={6}>
        {METHOD_LABELS[r.method]}
      </Text>
      <Text span fw={r.detected && !superseded ? 600 : 400} size="sm">
        {r.detected ? 'Detected' : 'Not detected'}
      </Text>
      {(value || cutoff) && (
        <Text span size="xs" c="dimmed">
          {' '}
          ({[value, cutoff].filter(Boolean).join(', ')})
        </Text>
      )}
      {r.source === 'hl7' && (
        <Text span size="xs" c="dimmed">
          {' '}
          · HL7
        </Text>
      )}
    </Text>
  );
}
