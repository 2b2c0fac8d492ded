/**
 * Alerts for the inbox benchmark. The clinic's admission PHQ-9s already raise a critical
 * alert for every patient whose item 9 is above 0 (about one in four); this adds an
 * hours-at-risk alert for every other active episode, through the same raiseAlerts the
 * sweeps use, so the bench clinician (primary clinician of everyone) has a few hundred.
 */
import type { Kysely } from 'kysely';
import { raiseAlerts } from '../src/alerts/raise.ts';
import { hoursAtRiskAlerts } from '../src/alerts/rules.ts';
import { activeEpisodesAt } from '../src/attendance/hours.store.ts';
import type { Database } from '../src/db/schema.ts';
import { systemAudit } from '../src/jobs/system-audit.ts';

export async function seedAlerts(db: Kysely<Database>, orgId: string, facilityId: string, today: string): Promise<number> {
  const episodes = await activeEpisodesAt(db, orgId, facilityId);
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    const candidates = episodes
      .filter((_, i) => i % 2 === 0)
      .flatMap((e) => hoursAtRiskAlerts({ patientId: e.patient_id, episodeId: e.episode_id, facilityId, weekStart: today, dayOfWeek: 3, status: 'at_risk', attendedMinutes: 120, requiredMinutes: 540 }));
    await raiseAlerts(trx, systemAudit(orgId, now), candidates, now);
  });
  const row = await db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).where('state', '<>', 'resolved').executeTakeFirstOrThrow();
  return Number(row.n);
}
