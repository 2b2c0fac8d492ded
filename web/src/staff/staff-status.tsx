import { Badge, Group } from '@mantine/core';
import type { StaffMember } from '../api/types.ts';

export function isLocked(member: Pick<StaffMember, 'lockedUntil'>, now = Date.now()): boolean {
  return member.lockedUntil !== null && new Date(member.lockedUntil).getTime() > now;
}

const STATUS: Record<StaffMember['status'], { label: string; color: string }> = {
  invited: { label: 'Invited', color: 'blue' },
  active: { label: 'Active', color: 'teal' },
  deactivated: { label: 'Deactivated', color: 'gray' },
};

export function StaffStatusBadges({ member }: { member: StaffMember }) {
  return (
    <Group gap={6}>
      <Badge color={STATUS[member.status].color} variant="light">
        {STATUS[member.status].label}
      </Badge>
      {isLocked(member) && (
        <Badge color="red" variant="light">
          Locked
        </Badge>
      )}
    </Group>
  );
}

/** "Tuesday, 3 March, 14:05" in the viewer's locale and zone. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
