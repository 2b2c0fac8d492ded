/** An instant as the facility reads it: "24 Nov 2026, 10:02 AM". */
export function formatInstant(iso: string | null | undefined, timeZone: string | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone });
}
