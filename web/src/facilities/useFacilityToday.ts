import { useMe } from '../auth/session.tsx';
import { todayIn } from '../time/dates.ts';

/**
 * The facility's IANA time zone, from the signed-in user's facilities (administrators see
 * every facility there). Unknown facility: the user's first facility, then the browser's zone.
 */
export function useFacilityTimeZone(facilityId: string | null | undefined): string | undefined {
  const me = useMe();
  return me.facilities.find((f) => f.facilityId === facilityId)?.timeZone ?? me.facilities[0]?.timeZone;
}

/** Today ('YYYY-MM-DD') at the facility: the default for admission, enrolment and other dates. */
export function useFacilityToday(facilityId: string | null | undefined): string {
  return todayIn(useFacilityTimeZone(facilityId));
}
