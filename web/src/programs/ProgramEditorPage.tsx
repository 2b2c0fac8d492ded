import { notifications } from '@mantine/notifications';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useMe } from '../auth/session.tsx';
import { useFacilities } from '../facilities/useFacilities.ts';
import { Page } from '../shell/Page.tsx';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { ProgramForm } from './ProgramForm.tsx';
import { levelOptions } from './band.ts';
import { useLevelsOfCare, useProgram, useSaveProgram } from './usePrograms.ts';

/** Create (/programs/new?facilityId=) or edit (/programs/:programId/edit) a program. */
export function ProgramEditorPage() {
  const { programId } = useParams();
  const [params] = useSearchParams();
  const me = useMe();
  const navigate = useNavigate();
  const program = useProgram(programId);
  const levels = useLevelsOfCare();
  const facilities = useFacilities();
  const save = useSaveProgram(programId);
  const editing = programId !== undefined;

  const title = editing ? (program.data ? `Edit ${program.data.name}` : 'Edit program') : 'New program';
  const back = editing ? { to: `/programs/${programId}`, label: program.data?.name ?? 'Program' } : { to: '/programs', label: 'Programs' };
  const loading = (editing && program.isPending) || levels.isPending || facilities.isPending;
  const error = (editing && program.error) || levels.error || facilities.error;

  let body;
  if (error) {
    body = (
      <ErrorState
        error={error}
        onRetry={() => {
          void program.refetch();
          void levels.refetch();
          void facilities.refetch();
        }}
      />
    );
  } else if (loading || !levels.data || !facilities.data) {
    body = <SectionLoader label="Loading the program editor" />;
  } else {
    const edition = program.data?.asamEdition ?? levels.data.edition;
    const levelList = edition === levels.data.edition ? levels.data.levels : levelOptions(edition);
    // Programs can only be placed at facilities that are active (or already theirs).
    const facilityList = facilities.data.filter((f) => f.active || f.facilityId === program.data?.facilityId);
    const requested = params.get('facilityId');
    const defaultFacility = facilityList.find((f) => f.facilityId === requested)?.facilityId ?? (facilityList.length === 1 ? facilityList[0]!.facilityId : null);
    body = (
      <ProgramForm
        key={program.data?.updatedAt ?? 'new'}
        program={program.data}
        edition={edition}
        levels={levelList}
        facilities={facilityList}
        defaultFacilityId={defaultFacility}
        organizationEdition={me.organization.asamEdition}
        onCancel={() => navigate(back.to)}
        onSubmit={async (input) => {
          const saved = await save.mutateAsync(input);
          notifications.show({ color: 'teal', title: editing ? 'Program saved' : 'Program created', message: `${saved.name} at ${saved.facilityName}.` });
          navigate(`/programs/${saved.programId}`);
        }}
      />
    );
  }

  return (
    <Page title={title} back={back}>
      {body}
    </Page>
  );
}
