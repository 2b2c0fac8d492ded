import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { Episode, Patient, Program } from '../api/types.ts';
import { useMe } from '../auth/session.tsx';
import { permissions } from '../auth/permissions.ts';
import { useFacilityToday } from '../facilities/useFacilityToday.ts';
import { displayName } from '../patients/patient-labels.ts';
import { usePatient } from '../patients/usePatients.ts';
import { useProgram } from '../programs/usePrograms.ts';
import { Page } from '../shell/Page.tsx';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { useClinicians } from '../staff/useClinicians.ts';
import { formatDate } from '../time/dates.ts';
import { emptyPlan, formOf, type NewRowDefaults } from './plan-form.ts';
import type { PlanView } from './plan-types.ts';
import { PlanEditor } from './PlanEditor.tsx';
import { PlanOverview } from './PlanOverview.tsx';
import { usePlan } from './usePlan.ts';

/** /patients/:patientId/episodes/:episodeId/plan — the episode's treatment plan; `?edit` opens the editor. */
export function TreatmentPlanPage() {
  const { patientId = '', episodeId = '' } = useParams();
  const patient = usePatient(patientId);
  const episode = patient.data?.episodes.find((e) => e.episodeId === episodeId);
  const program = useProgram(episode?.programId);
  const plan = usePlan(episodeId);
  const back = { to: `/patients/${patientId}?tab=care`, label: 'Back to the chart' };

  const failed = patient.error ?? plan.error ?? program.error;
  if (failed) {
    return (
      <Page title="Treatment plan" back={back}>
        <ErrorState error={failed} onRetry={() => void Promise.all([patient.refetch(), plan.refetch(), program.refetch()])} />
      </Page>
    );
  }
  if (patient.isPending || plan.isPending || (episode && program.isPending)) return <SectionLoader label="Loading the treatment plan" />;
  if (!patient.data || !plan.data) return null;
  if (!episode) {
    return (
      <Page title="Treatment plan" back={back}>
        <ErrorState error={new Error('episode')} title="This episode is not in the patient’s chart" />
      </Page>
    );
  }
  return <PlanScreen patient={patient.data} episode={episode} program={program.data} plan={plan.data} back={back} />;
}

function PlanScreen({ patient, episode, program, plan, back }: { patient: Patient; episode: Episode; program: Program | undefined; plan: PlanView; back: { to: string; label: string } }) {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const today = useFacilityToday(episode.facilityId);
  const clinicians = useClinicians(episode.facilityId);
  const canWrite = permissions.writePlans(me) && episode.status === 'active';
  const editing = canWrite && params.has('edit');

  const phases = useMemo(() => (program?.phases ?? []).map((ph) => ({ value: ph.phaseId, label: ph.name })), [program]);
  const staffNames = useMemo(() => {
    const names = new Map(clinicians.options.map((o) => [o.value, o.label]));
    // Staff who left the facility's list are still named on the versions that name them.
    for (const v of [plan.active, plan.pending]) {
      for (const s of v?.responsibleStaff ?? []) if (!names.has(s.staffId)) names.set(s.staffId, s.fullName);
    }
    return names;
  }, [clinicians.options, plan.active, plan.pending]);
  const defaults: NewRowDefaults = {
    today,
    phaseId: episode.phaseId,
    responsibleStaffId: clinicians.options.some((o) => o.value === episode.primaryClinicianId) ? episode.primaryClinicianId : null,
  };
  // The editor's picker: the facility's clinicians, plus anyone the plan already names.
  const staffOptions = useMemo(
    () => [...clinicians.options, ...[...staffNames].filter(([id]) => !clinicians.options.some((o) => o.value === id)).map(([value, label]) => ({ value, label }))],
    [clinicians.options, staffNames],
  );

  const setEditing = (on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set('edit', '1');
    else next.delete('edit');
    setParams(next);
    window.scrollTo({ top: 0 });
  };

  const name = displayName(patient);
  const description = `${name} · MRN ${patient.mrn} · ${episode.programName}, admitted ${formatDate(episode.admittedOn)}${episode.status === 'active' ? '' : ' (discharged)'}`;

  if (editing) {
    const source = plan.pending ?? plan.active;
    const nextVersion = plan.pending?.version ?? Math.max(0, ...plan.history.map((h) => h.version)) + 1;
    const heading = plan.pending
      ? `Version ${plan.pending.version} (${plan.pending.status === 'draft' ? 'draft' : 'signed by you: saving changes clears your signature'})`
      : plan.active
        ? `Version ${nextVersion}: revision of version ${plan.active.version}`
        : 'Version 1: new plan';
    return (
      <Page title="Edit treatment plan" documentTitle={`Treatment plan · ${name}`} description={description} back={back}>
        <PlanEditor
          // Mounted once per editing session: saving refreshes the plan but must not reset what is being typed.
          key="editor"
          episodeId={episode.episodeId}
          initial={source ? formOf(source.content) : emptyPlan(defaults)}
          heading={heading}
          defaults={defaults}
          phases={phases}
          staff={staffOptions}
          signerName={me.credentials.length ? `${me.fullName}, ${me.credentials.join(', ')}` : me.fullName}
          onClose={() => setEditing(false)}
        />
      </Page>
    );
  }

  return (
    <Page title="Treatment plan" documentTitle={`Treatment plan · ${name}`} description={description} back={back}>
      <PlanOverview
        episode={episode}
        plan={plan}
        canWrite={canWrite}
        today={today}
        staffName={(id) => staffNames.get(id) ?? 'Staff member no longer listed'}
        phaseName={(id) => (id ? (phases.find((p) => p.value === id)?.label ?? null) : null)}
        onEdit={() => setEditing(true)}
      />
    </Page>
  );
}
