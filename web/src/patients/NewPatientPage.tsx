import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { errorSentence } from '../api/error-messages.ts';
import type { DuplicateMatch, PatientInput } from '../api/types.ts';
import { useMe } from '../auth/session.tsx';
import { useFacilities } from '../facilities/useFacilities.ts';
import { Page } from '../shell/Page.tsx';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { DuplicateMatches } from './DuplicateMatches.tsx';
import { PatientForm } from './PatientForm.tsx';
import { displayName } from './patient-labels.ts';
import { useSavePatient } from './usePatients.ts';

function matchesOf(error: unknown): { matches: DuplicateMatch[]; elsewhere: number } | null {
  if (!(error instanceof ApiError) || error.code !== 'possible_duplicate') return null;
  const details = error.details as { matches?: DuplicateMatch[]; elsewhere?: number } | undefined;
  return { matches: Array.isArray(details?.matches) ? details.matches : [], elsewhere: typeof details?.elsewhere === 'number' ? details.elsewhere : 0 };
}

/** /patients/new: the intake sheet; a possible duplicate is shown before anything is saved. */
export function NewPatientPage() {
  const me = useMe();
  const navigate = useNavigate();
  const facilities = useFacilities();
  const save = useSavePatient();
  const [duplicate, setDuplicate] = useState<{ matches: DuplicateMatch[]; elsewhere: number; input: PatientInput } | null>(null);

  const register = async (input: PatientInput) => {
    try {
      const patient = await save.mutateAsync(input);
      notifications.show({ color: 'teal', title: 'Patient registered', message: `${displayName(patient)}, MRN ${patient.mrn}.` });
      navigate(`/patients/${patient.patientId}`);
    } catch (e) {
      const found = matchesOf(e);
      if (found || !input.acknowledgedDuplicateOf) setDuplicate(found ? { ...found, input } : null);
      throw e;
    }
  };

  const active = (facilities.data ?? []).filter((f) => f.active);
  const firstFacility = me.facilities.find((f) => active.some((a) => a.facilityId === f.facilityId))?.facilityId ?? active[0]?.facilityId ?? null;

  return (
    <Page title="Register a patient" back={{ to: '/patients', label: 'Patients' }} description="Fields marked * are required. Everything else can be added later.">
      {facilities.isPending ? (
        <SectionLoader label="Loading facilities" />
      ) : facilities.isError ? (
        <ErrorState error={facilities.error} onRetry={() => void facilities.refetch()} />
      ) : (
        <PatientForm
          facilities={active}
          defaultFacilityId={firstFacility}
          submitLabel="Register patient"
          onCancel={() => navigate('/patients')}
          onSubmit={register}
          notice={
            duplicate && (
              <DuplicateMatches
                matches={duplicate.matches}
                elsewhere={duplicate.elsewhere}
                busy={save.isPending}
                onRegisterAnyway={() => {
                  const first = duplicate.matches[0];
                  if (!first) return;
                  void register({ ...duplicate.input, acknowledgedDuplicateOf: first.patientId }).catch((e: unknown) =>
                    notifications.show({ color: 'red', title: 'Not registered', message: errorSentence(e) }),
                  );
                }}
              />
            )
          }
        />
      )}
    </Page>
  );
}
