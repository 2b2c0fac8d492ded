/** The result form's rows, one per analyte of the panel: a cup's yes/no reading or a laboratory's values. */
import { Badge, Group, NumberInput, Radio, Stack, Table, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { AnalyteDef, Panel } from '../../../src/drugtests/panels.ts';
import { specimenValidity, validityMeasured } from '../../../src/drugtests/validity.ts';
import { VALIDITY_LABELS } from './drug-test-labels.ts';
import { labDetected, type ResultFormValues } from './result-form.ts';

type Form = UseFormReturnType<ResultFormValues>;

/** The row already names the substance on screen; the group still needs its name for screen readers. */
const VISUALLY_HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** What the measurements add up to, as the server will compute it (same pure rule). */
export function ValidityPreview({ values }: { values: ResultFormValues['validity'] }) {
  const n = (v: number | string) => (typeof v === 'number' ? v : null);
  const inputs = { creatinineMgDl: n(values.creatinineMgDl), specificGravity: n(values.specificGravity), ph: n(values.ph), oxidantsPresent: values.oxidantsPresent ? values.oxidantsPresent === 'present' : null };
  if (!validityMeasured(inputs)) return null;
  const result = specimenValidity({ specimenType: 'urine', ...inputs });
  return (
    <Badge size="lg" variant="light" color={VALIDITY_LABELS[result].color} tt="none" role="status">
      Reads as: {VALIDITY_LABELS[result].label}
    </Badge>
  );
}

function AnalyteCell({ def, expected }: { def: AnalyteDef; expected: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={500}>
        {def.name}
      </Text>
      {expected && (
        <Badge size="xs" variant="light" color="teal" tt="none">
          Prescribed
        </Badge>
      )}
    </Group>
  );
}

export function CupRows({ panel, form, expected }: { panel: Panel; form: Form; expected: Set<string> }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} aria-label="Cup readings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Substance</Table.Th>
            <Table.Th w={120}>Cut-off</Table.Th>
            <Table.Th w={300}>Reading</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {panel.analytes.map((a) => {
            const error = form.errors[`cup.${a.analyte}`];
            return (
              <Table.Tr key={a.analyte}>
                <Table.Td>
                  <AnalyteCell def={a} expected={expected.has(a.analyte)} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {a.initialCutoff} {a.unit}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Radio.Group label={`${a.name}: cup reading`} styles={{ label: VISUALLY_HIDDEN }} {...form.getInputProps(`cup.${a.analyte}`)} error={error}>
                    <Group gap="md">
                      <Radio value="not_detected" label="Not detected" />
                      <Radio value="detected" label="Detected" color="red" />
                    </Group>
                  </Radio.Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function LabRows({ panel, form, expected }: { panel: Panel; form: Form; expected: Set<string> }) {
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Values in ng/mL as the laboratory reports them; leave empty what was not tested. A value at or above the cut-off reads as detected; a confirmation overrides the
        screen.
      </Text>
      <Table.ScrollContainer minWidth={680}>
        <Table verticalSpacing={6} aria-label="Laboratory values">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Substance</Table.Th>
              <Table.Th w={220}>Screen</Table.Th>
              <Table.Th w={220}>Confirmation</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {panel.analytes.map((a) => (
              <Table.Tr key={a.analyte}>
                <Table.Td>
                  <AnalyteCell def={a} expected={expected.has(a.analyte)} />
                </Table.Td>
                <Table.Td>
                  <LabInput def={a} form={form} which="screen" />
                </Table.Td>
                <Table.Td>
                  <LabInput def={a} form={form} which="confirmation" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function LabInput({ def, form, which }: { def: AnalyteDef; form: Form; which: 'screen' | 'confirmation' }) {
  const path = `lab.${def.analyte}.${which}`;
  const value = form.values.lab[def.analyte]?.[which] ?? '';
  const detected = labDetected(def, value, which);
  const cutoff = which === 'screen' ? def.initialCutoff : def.confirmationCutoff;
  return (
    <NumberInput
      aria-label={`${def.name}: ${which} value (ng/mL)`}
      placeholder="Not tested"
      min={0}
      decimalScale={3}
      size="sm"
      description={
        detected === null ? (
          `Cut-off ${cutoff}`
        ) : (
          <Text span size="xs" c={detected ? 'red.8' : 'dimmed'} fw={detected ? 600 : 400}>
            {detected ? 'Detected' : 'Not detected'} (cut-off {cutoff})
          </Text>
        )
      }
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      {...form.getInputProps(path)}
    />
  );
}
