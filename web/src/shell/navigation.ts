import {
  IconBell,
  IconBuildingHospital,
  IconDeviceTablet,
  IconFlask,
  IconPill,
  IconCalendarWeek,
  IconLayoutBoard,
  IconUserHeart,
  IconClipboardList,
  IconHome,
  IconListSearch,
  IconSettings,
  IconStairsDown,
  IconUserCircle,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { Me } from '../api/types.ts';
import { permissions } from '../auth/permissions.ts';

export interface NavItem {
  readonly label: string;
  readonly to: string;
  readonly icon: Icon;
  readonly visible: (me: Pick<Me, 'roles'>) => boolean;
}

const everyone = () => true;

/** The navigation, in order; each role sees the items its API access allows. */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Home', to: '/', icon: IconHome, visible: everyone },
  { label: 'Patients', to: '/patients', icon: IconUserHeart, visible: permissions.readPatients },
  { label: 'Front desk board', to: '/board', icon: IconLayoutBoard, visible: permissions.takeAttendance },
  { label: 'Groups', to: '/groups', icon: IconCalendarWeek, visible: permissions.readPatients },
  { label: 'Alerts', to: '/alerts', icon: IconBell, visible: permissions.handleAlerts },
  { label: 'Drug tests', to: '/drug-tests', icon: IconFlask, visible: (me) => permissions.collectDrugTests(me) || permissions.enterDrugTestResults(me) || permissions.reviewDrugTests(me) },
  { label: 'Dosing', to: '/dosing', icon: IconPill, visible: permissions.seeDosing },
  { label: 'Check-in kiosk', to: '/kiosk', icon: IconDeviceTablet, visible: permissions.recordCheckins },
  { label: 'Step-down queue', to: '/step-down', icon: IconStairsDown, visible: permissions.readClinical },
  { label: 'Programs', to: '/programs', icon: IconClipboardList, visible: everyone },
  { label: 'Facilities', to: '/facilities', icon: IconBuildingHospital, visible: everyone },
  { label: 'Staff', to: '/staff', icon: IconUsers, visible: permissions.seeStaff },
  { label: 'Audit log', to: '/audit', icon: IconListSearch, visible: permissions.seeAudit },
  { label: 'Organization settings', to: '/organization', icon: IconSettings, visible: permissions.manageOrganization },
  { label: 'My account', to: '/account', icon: IconUserCircle, visible: everyone },
];

export function isActive(item: NavItem, pathname: string): boolean {
  return item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
}
