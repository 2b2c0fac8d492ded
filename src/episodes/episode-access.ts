/** Access resolvers for routes addressed by episode. */
import type { PatientResolver } from '../http/access.ts';
import { getEpisodeRow } from './episodes.store.ts';

/** The patient of the episode in the path, so the guard checks the caller can reach that patient. */
export const episodePatient: PatientResolver = async (request, db, actor) =>
  (await getEpisodeRow(db, actor.orgId, (request.params as { episodeId: string }).episodeId))?.patient_id;
