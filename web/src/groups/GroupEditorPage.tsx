import { notifications } from '@mantine/notifications';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useMe } from '../auth/session.tsx';
import { useFacilities } from '../facilities/useFacilities.ts';
import { Page } from '../shell/Page.tsx';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import { GroupForm } from './GroupForm.tsx';
import { useGroup, useSaveGroup } from './useGroups.ts';

/** /groups/new and /groups/:groupId/edit */
export function GroupEditorPage() {
  const { groupId } = useParams();
  const [params] = useSearchParams();
  const me = useMe();
  const navigate = useNavigate();
  const group = useGroup(groupId);
  const facilities = useFacilities();
  const save = useSaveGroup(groupId);
  const editing = groupId !== undefined;
  const back = editing ? { to: `/groups/${groupId}`, label: group.data?.name ?? 'Group' } : { to: '/groups', label: 'Groups' };
  const error = (editing && group.error) || facilities.error;

  let body;
  if (error) body = <ErrorState error={error} onRetry={() => void (group.refetch(), facilities.refetch())} />;
  else if ((editing && !group.data) || !facilities.data) body = <SectionLoader label="Loading the group editor" />;
  else {
    const list = facilities.data.filter((f) => f.active || f.facilityId === group.data?.facilityId);
    const requested = params.get('facilityId');
    const facilityId = list.find((f) => f.facilityId === requested)?.facilityId ?? me.facilities[0]?.facilityId ?? list[0]?.facilityId ?? null;
    body = (
      <GroupForm
        key={group.data?.groupId ?? 'new'}
        group={group.data}
        facilities={list}
        defaultFacilityId={facilityId}
        onCancel={() => navigate(back.to)}
        onSubmit={async (input) => {
          const saved = await save.mutateAsync(input);
          notifications.show({ color: 'teal', title: editing ? 'Group saved' : 'Group created', message: `${saved.name} at ${saved.facilityName}.` });
          navigate(`/groups/${saved.groupId}`);
        }}
      />
    );
  }
  return (
    <Page title={editing ? `Edit ${group.data?.name ?? 'group'}` : 'New group'} back={back}>
      {body}
    </Page>
  );
}
