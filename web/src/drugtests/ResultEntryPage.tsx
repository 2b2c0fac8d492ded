import { Alert, Button, Card, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
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
import { PANELS, type Panel } from '../../../src/drugtests/panels.ts';
import { SPECIMEN_LABELS } from './drug-test-labels.ts';
import type { DrugTestDetail } from './drug-test-types.ts';
import { formatInstant } from './DrugTestDetailView.tsx';
import { analyteName } from './ReadingsTable.tsx';
import { readingsOf, resultProblems, resultsInputOf, resultValuesOf, type ResultFormValues } from './result-form.ts';
import { CupRows, LabRows, ValidityPreview } from './ResultRows.tsx';
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
  const form = useForm<ResultFormValues>({ initialValues: resultValuesOf(panel, test) });

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
  if (placed > 0 && placed === problems.length) return 'See the messages beside the fields.';
  return errorSentence(error);
}
