import type { GroupType } from '../api/types.ts';

export const GROUP_TYPE_LABELS: Record<GroupType, string> = {
  process: 'Process group',
  psychoeducation: 'Psychoeducation',
  relapse_prevention: 'Relapse prevention',
  skills: 'Skills (DBT, CBT…)',
  family: 'Family group',
  twelve_step_facilitation: 'Twelve-step facilitation',
  specialty: 'Specialty group',
};

/** Calendar colours per group type. */
export const GROUP_TYPE_COLORS: Record<GroupType, string> = {
  process: 'indigo',
  psychoeducation: 'cyan',
  relapse_prevention: 'orange',
  skills: 'teal',
  family: 'pink',
  twelve_step_facilitation: 'lime',
  specialty: 'grape',
};

export function groupTypeLabel(type: string | null): string {
  if (!type) return '';
  return (GROUP_TYPE_LABELS as Record<string, string>)[type] ?? type;
}

export function groupTypeColor(type: string | null): string {
  return (type && (GROUP_TYPE_COLORS as Record<string, string>)[type]) || 'teal';
}
