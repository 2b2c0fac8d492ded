import { useSearchParams } from 'react-router';
import { useMe } from '../auth/session.tsx';

/**
 * The facility a day list is for: `?facility=` when given, else the first facility the
 * staff member is assigned to. The picker only shows when there is a choice.
 */
export function useFacilityChoice() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const choices = me.facilities;
  const requested = params.get('facility');
  const facility = choices.find((f) => f.facilityId === requested) ?? choices[0] ?? null;
  const setFacility = (facilityId: string | null) => {
    const next = new URLSearchParams(params);
    if (facilityId) next.set('facility', facilityId);
    else next.delete('facility');
    setParams(next, { replace: true });
  };
  return {
    choices,
    facilityId: facility?.facilityId ?? null,
    facilityName: facility?.name ?? null,
    timeZone: facility?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    setFacility,
  };
}

/** The time zone of one of the staff member's facilities (the browser's own when not assigned there). */
export function useFacilityTimeZone(facilityId: string | null | undefined): string {
  const me = useMe();
  return me.facilities.find((f) => f.facilityId === facilityId)?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
