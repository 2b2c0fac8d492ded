import { Alert, Badge, Button, Card, Group, NumberInput, Radio, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { errorSentence, fieldSentence } from '../api/error-messages.ts';
import { formPath } from '../api/form-errors.ts';
import { Fact } from '../shell/Fact.tsx';
import { Page } from '../shell/Page.tsx';
import { ErrorState, FormAlert, SectionLoader } from '../shell/States.tsx';
import { PANELS, type AnalyteDef, type Panel } from '../../../src/drugtests/panels.ts';
import { specimenValidity, validityMeasured } from '../../../src/drugtests/validity.ts';
import { SPECIMEN_LABELS, VALIDITY_LABELS } from './drug-test-labels.ts';
import type { DrugTestDetail } from './drug-test-types.ts';
import { formatInstant } from './DrugTestDetailView.tsx';
import { analyteName } from './ReadingsTable.tsx';
import { labDetected, readingsOf, resultProblems, resultsInputOf, resultValuesOf, type ResultFormValues } from './result-form.ts';
import { useFacilityTimeZone } from './useFacilityChoice.ts';
import { useDrugTest, useEnterResults } from './useDrugTests.ts';

/** /drug-tests/:testId/results — enter a cup's or a laboratory's readings, driven by the test's panel. */
export function ResultEntryPage() {
  const { testId } = useParams();
  const test = useDrugTest(testId ?? null);
  const back = { to: `/drug-tests/${testId}`, label: 'The test' };

  if (test.isPending) return <SectionLoader label="Loading the test" />;
  if (test.isError) {
    return (
      <Page title="Enter results" back={{ to: '/drug-tests?tab=results', label: 'Drug tests' }}>
        <ErrorState error={test.error} onRetry={() => void test.refetch()} />
      </Page>
    );
  }
  const t = test.data;
  const panel = PANELS[t.panelId];
  const title = `Enter results: ${t.patient.displayName}`;
  if (!panel) {
    return (
      <Page title={title} back={back}>
        <ErrorState error={new ApiError(422, 'panel_unknown', 'Unknown panel', undefined)} />
      </Page>
    );
  }
  if (t.status !== 'collected' && t.status !== 'resulted') {
    return (
      <Page title={title} back={back}>
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} maw={640}>
          {t.status === 'reviewed'
            ? 'These results have been reviewed and signed, so they can no longer be changed.'
            : t.status === 'pending'
              ? 'Record the collection before entering results.'
              : 'This test was not collected, so it has no results.'}
        </Alert>
      </Page>
    );
  }
  return (
    <Page title={title} back={back} description={t.status === 'resulted' ? 'Results were entered already: saving replaces them (until the test is reviewed).' : undefined}>
      <ResultForm key={t.testId} test={t} panel={panel} />
    </Page>
  );
}

function ResultForm({ test, panel }: { test: DrugTestDetail; panel: Panel }) {
  const navigate = useNavigate();
  const timeZone = useFacilityTimeZone(test.facilityId);
  const save = useEnterResults(test.testId);
  const urine = test.specimenType === 'urine';
  const expected = new Set(test.expectedAnalytes);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form: Form = useForm<ResultFormValues>({ initialValues: resultValuesOf(panel, test) });

  const send = async (values: ResultFormValues) => {
    const problems = resultProblems(panel, values);
    if (Object.keys(problems).length > 0) {
      form.setErrors(problems);
      setError(values.method === 'poc_cup' ? 'Read every line of the cup before saving.' : 'Enter at least one laboratory value.');
      return;
    }
    setBusy(true);
    setError(null);
    const sent = readingsOf(panel, values);
    try {
      await save.mutateAsync(resultsInputOf(panel, values, urine));
      notifications.show({ color: 'teal', title: 'Results saved', message: `${test.patient.displayName}: the interpretation is below.` });
      navigate(`/drug-tests/${test.testId}`);
    } catch (e) {
      setError(placeProblems(e, sent, form.setFieldError));
    } finally {
      setBusy(false);
    }
  };
  const unanswered = panel.analytes.filter((a) => !form.values.cup[a.analyte]);

  return (
    <form
      onSubmit={form.onSubmit((v) => void send(v))}
      noValidate
    >
      <Stack gap="lg">
        <Card withBorder padding="lg" radius="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            <Fact name="Specimen">
              {SPECIMEN_LABELS[test.specimenType]} · <span style={{ fontFamily: 'monospace' }}>{test.specimenId}</span>
            </Fact>
            <Fact name="Collected">{formatInstant(test.collectedAt, timeZone)}</Fact>
            <Fact name="Panel">{panel.name}</Fact>
            <Fact name="Prescribed (expected)">{test.expectedAnalytes.length ? test.expectedAnalytes.map(analyteName).join(', ') : 'Nothing on this panel'}</Fact>
          </SimpleGrid>
        </Card>

        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="readings-heading">
          <Group justify="space-between" mb="sm" gap="sm">
            <Title order={2} size="h4" id="readings-heading">
              Readings
            </Title>
            <SegmentedControl
              aria-label="Where the readings come from"
              data={[
                { value: 'poc_cup', label: 'Point-of-care cup' },
                { value: 'lab', label: 'Laboratory report' },
              ]}
              {...form.getInputProps('method')}
            />
          </Group>
          {form.values.method === 'poc_cup' ? (
            <CupRows panel={panel} form={form} expected={expected} />
          ) : (
            <LabRows panel={panel} form={form} expected={expected} />
          )}
          {form.values.method === 'poc_cup' && unanswered.length > 0 && (
            <Group mt="sm">
              <Button
                variant="default"
                size="xs"
                onClick={() => unanswered.forEach((a) => form.setFieldValue(`cup.${a.analyte}`, 'not_detected'))}
              >
                Mark the {unanswered.length} unread {unanswered.length === 1 ? 'line' : 'lines'} not detected
              </Button>
            </Group>
          )}
          {form.errors['lab'] && (
            <Text size="sm" c="red.8" mt="sm" role="alert">
              {form.errors['lab']}
            </Text>
          )}
        </Card>

        {urine && (
          <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="validity-heading">
            <Group justify="space-between" gap="sm">
              <Title order={2} size="h4" id="validity-heading">
                Specimen validity
              </Title>
              <ValidityPreview values={form.values.validity} />
            </Group>
            <Text size="sm" c="dimmed" mb="sm">
              From the adulterant strip or the laboratory report. Leave empty what was not measured.
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              <NumberInput label="Creatinine (mg/dL)" min={0} decimalScale={2} {...form.getInputProps('validity.creatinineMgDl')} />
              <NumberInput label="Specific gravity" min={1} max={1.1} step={0.001} decimalScale={4} placeholder="e.g. 1.0150" {...form.getInputProps('validity.specificGravity')} />
              <NumberInput label="pH" min={0} max={14} step={0.1} decimalScale={2} {...form.getInputProps('validity.ph')} />
              <Select
                label="Oxidants / nitrite"
                data={[
                  { value: '', label: 'Not measured' },
                  { value: 'absent', label: 'Absent' },
                  { value: 'present', label: 'Present' },
                ]}
                allowDeselect={false}
                {...form.getInputProps('validity.oxidantsPresent')}
              />
            </SimpleGrid>
          </Card>
        )}

        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => navigate(`/drug-tests/${test.testId}`)} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save results
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Form = UseFormReturnType<ResultFormValues>;

/** The row already names the substance on screen; the group still needs its name for screen readers. */
const VISUALLY_HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** What the measurements add up to, as the server will compute it (same pure rule). */
function ValidityPreview({ values }: { values: ResultFormValues['validity'] }) {
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

function CupRows({ panel, form, expected }: { panel: Panel; form: Form; expected: Set<string> }) {
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

function LabRows({ panel, form, expected }: { panel: Panel; form: Form; expected: Set<string> }) {
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

/**
 * The server names a reading by its place in the request (`readings[3].value`): put the
 * sentence beside the input that reading came from. Returns the general alert text.
 */
function placeProblems(error: unknown, sent: { path: string }[], setFieldError: (path: string, message: string) => void): string {
  if (!(error instanceof ApiError)) return errorSentence(error);
  const problems = error.fieldProblems;
  let placed = 0;
  for (const p of problems) {
    const path = formPath(p.path);
    const reading = path.match(/^readings\.(\d+)/);
    const target = reading ? sent[Number(reading[1])]?.path : path.startsWith('validity.') ? path : undefined;
    if (target) {
      setFieldError(target, fieldSentence(p.message));
      placed++;
    }
  }
  if (placed > 0 && placed === problems.length) return 'Not saved: see the messages beside the fields.';
  return errorSentence(error);
}
