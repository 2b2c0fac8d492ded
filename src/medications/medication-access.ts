/** Access resolvers for routes addressed by medication. */
import type { PatientResolver } from '../http/access.ts';
import { AppError } from '../http/errors.ts';
import { patientOfMedication } from './medications.store.ts';

/**
 * The patient of the medication in the path, so the guard checks the caller can reach that
 * patient. An unknown id (or another organization's) is 404 medication_not_found.
 */
export const medicationPatient: PatientResolver = async (request, db, actor) => {
  const patientId = await patientOfMedication(db, actor.orgId, (request.params as { medicationId: string }).medicationId);
  if (patientId === undefined) throw new AppError(404, 'medication_not_found', 'No such medication.');
  return patientId;
};
