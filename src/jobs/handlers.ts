/** Which function runs each job kind (schedule.ts plans them, runner.ts runs them). */
import { absenceSweep } from './absence-sweep.ts';
import { drugTestSelectionJob, missedDosesJob } from './daily-work.ts';
import { hoursAtRiskSweep } from './hours-at-risk.ts';
import { planReviewSweep } from './plan-reviews.ts';
import type { JobHandler, JobHandlers } from './runner.ts';
import { type JobKind, JOB_KINDS } from './schedule.ts';
import { sweepHandler } from './sweep.ts';

export function jobHandlers(): JobHandlers {
  const facilityWork: Partial<Record<JobKind, JobHandler>> = {
    absences: absenceSweep,
    hours_at_risk: hoursAtRiskSweep,
    plan_reviews: planReviewSweep,
    drug_test_selection: drugTestSelectionJob,
    missed_doses: missedDosesJob,
  };
  const wired = new Set(JOB_KINDS.filter((kind) => facilityWork[kind] !== undefined));
  return { ...facilityWork, sweep: sweepHandler(wired) };
}
