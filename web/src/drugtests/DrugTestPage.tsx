import { Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFlask, IconSignature, IconTruckDelivery } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorSentence } from '../api/error-messages.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { Page } from '../shell/Page.tsx';
import { ErrorState, FormAlert, SectionLoader } from '../shell/States.tsx';
import { CustodyDialog } from './CustodyDialog.tsx';
import type { DrugTestDetail } from './drug-test-types.ts';
import { DrugTestDetailView, OutcomeBadge } from './DrugTestDetailView.tsx';
import { useFacilityTimeZone } from './useFacilityChoice.ts';
import { useDrugTest, useSignReview } from './useDrugTests.ts';

/** /drug-tests/:testId — one test in full, with the next step for whoever may take it (results, signature, custody). */
export function DrugTestPage() {
  const { testId } = useParams();
  const me = useMe();
  const test = useDrugTest(testId ?? null);
  const timeZone = useFacilityTimeZone(test.data?.facilityId);
  const [custody, setCustody] = useState(false);
  const fromList = permissions.enterDrugTestResults(me) || permissions.reviewDrugTests(me);

  if (test.isPending) return <SectionLoader label="Loading the test" />;
  if (test.isError) {
    return (
      <Page title="Drug test" back={{ to: '/drug-tests', label: 'Drug tests' }}>
        <ErrorState error={test.error} onRetry={() => void test.refetch()} />
      </Page>
    );
  }
  const t = test.data;
  const canEnter = permissions.enterDrugTestResults(me) && (t.status === 'collected' || t.status === 'resulted');
  const canCustody = (permissions.collectDrugTests(me) || permissions.enterDrugTestResults(me)) && t.specimenId !== null;

  return (
    <Page
      title={`Drug test: ${t.patient.displayName}`}
      back={fromList ? { to: t.status === 'resulted' || t.status === 'reviewed' ? '/drug-tests?tab=review' : '/drug-tests?tab=results', label: 'Drug tests' } : { to: `/patients/${t.patient.patientId}`, label: t.patient.displayName }}
      description={
        <>
          <Anchor component={Link} to={`/patients/${t.patient.patientId}`} size="sm">
            Open the chart
          </Anchor>{' '}
          · MRN {t.patient.mrn}
        </>
      }
      actions={
        <>
          <OutcomeBadge outcome={t.outcome} size="lg" />
          {canCustody && (
            <Button variant="default" leftSection={<IconTruckDelivery size={18} aria-hidden />} onClick={() => setCustody(true)}>
              Custody event
            </Button>
          )}
          {canEnter && (
            <Button component={Link} to={`/drug-tests/${t.testId}/results`} variant={t.status === 'resulted' ? 'default' : 'filled'} leftSection={<IconFlask size={18} aria-hidden />}>
              {t.status === 'resulted' ? 'Change results' : 'Enter results'}
            </Button>
          )}
        </>
      }
    >
      {t.status === 'resulted' && permissions.reviewDrugTests(me) && <SignCard test={t} />}
      <Card withBorder padding="lg" radius="md">
        <DrugTestDetailView test={t} timeZone={timeZone} />
      </Card>
      <CustodyDialog test={custody ? { testId: t.testId, patientName: t.patient.displayName, specimenId: t.specimenId } : null} timeZone={timeZone} onClose={() => setCustody(false)} />
    </Page>
  );
}

/** The medical reviewer's signature: it closes the test (results can no longer change). */
function SignCard({ test }: { test: DrugTestDetail }) {
  const sign = useSignReview(test.testId);
  const [note, setNote] = useState('');
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="sign-heading" style={{ borderColor: 'var(--mantine-color-orange-4)' }}>
      <Stack gap="sm">
        <Title order={2} size="h4" id="sign-heading">
          Review and sign
        </Title>
        <Text size="sm">Read the results and their interpretation below. Signing records you as the reviewer; the results can no longer be changed afterwards.</Text>
        <Textarea label="Review note (optional)" description="E.g. discussed with the patient, confirmation requested" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} maw={720} />
        <FormAlert message={sign.error ? errorSentence(sign.error) : null} title="Not signed" />
        <Group>
          <Button
            color="teal"
            leftSection={<IconSignature size={18} aria-hidden />}
            loading={sign.isPending}
            onClick={() =>
              sign.mutate(note.trim() || null, {
                onSuccess: () => notifications.show({ color: 'teal', title: 'Signed', message: `${test.patient.displayName}: results reviewed.` }),
              })
            }
          >
            Sign as reviewed
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
