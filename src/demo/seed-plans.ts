/**
 * Treatment plans in the demo, through the API: the primary clinician writes the plan a few
 * days after admission and signs it; the patient reads it in the portal and signs it with
 * their typed name (patients without a portal account leave it awaiting them); about 30 days
 * later the clinician reviews it, now and then with a new version; counted objectives get a
 * value each week at the individual session.
 */
import type { PlanVersion, PortalPlans } from '../plans/plans.schemas.ts';
import { type LocalDate, addDays, daysBetween, instantAt } from '../time/local-time.ts';
import { type CareContext, type CareState, PORTAL_TIME, weekdayOnOrBefore } from './care-state.ts';
import { DEFAULT_PLAN_REVIEW_DAYS } from '../programs/care-settings.ts';
import { planContent, revisedContent } from './plan-content.ts';
import type { Live } from './seed-days.ts';

const GROUP_LEAD = { bell: 'kowalski', kowalski: 'bell', director: 'kowalski', raman: 'reyes', reyes: 'raman' } as const;

function staffOf(ctx: CareContext, p: Live) {
  const id = (key: keyof CareContext['world']['staff']) => ctx.world.staff[key].id;
  const lead = GROUP_LEAD[p.clinician as keyof typeof GROUP_LEAD] ?? 'kowalski';
  return { clinician: id(p.clinician), groups: id(lead), nurse: id('nurse'), family: id('reyes') };
}

function planFacts(ctx: CareContext, p: Live, s: CareState) {
  const diagnosis = (p.plan.profile.input['diagnoses'] as { code: string; description: string }[])[0]!;
  return {
    teen: p.program === 'adolescent',
    course: s.course,
    diagnosis,
    admittedOn: p.plan.admittedOn,
    phaseIds: ctx.world.programs[p.program].phaseIds,
    admissionScores: s.admission ?? { phq9: s.course.phq9.base, gad7: s.course.gad7.base },
    staff: staffOf(ctx, p),
  };
}

/** The clinician writes the plan and, most of the time, signs it at once (it then awaits the patient). */
export async function writePlan(ctx: CareContext, p: Live, s: CareState, date: LocalDate): Promise<void> {
  const clinician = ctx.world.staff[p.clinician].client;
  const plan = planContent(ctx.rng.fork(`${p.plan.profile.key}|plan`), planFacts(ctx, p, s));
  const draft = await clinician.put<PlanVersion>(`/api/episodes/${p.episodeId}/plan/draft`, { content: plan.content });
  ctx.stats.plansWritten += 1;
  s.plan = { version: draft.version, status: 'draft', content: plan.content, customObjectiveId: plan.customObjectiveId, customUnit: plan.customUnit, effectiveOn: null };
  if (s.draftOnly) return;
  await clinician.post(`/api/episodes/${p.episodeId}/plan/sign`, { version: draft.version });
  ctx.stats.clinicianSignatures += 1;
  s.plan.status = 'awaiting_patient';
  // Read and signed in the portal that evening or within a few days; now and then a week or more later.
  // Plans written in the last few days are often still waiting for the patient.
  const delays = p.plan.readyForStepDown || p.plan.severeMoodFrom ? [0, 1] : daysBetween(date, ctx.timeline.today) <= 5 ? [1, 8] : [0, 0, 1, 1, 1, 2, 3, 8];
  s.signOn = s.portal ? addDays(date, ctx.rng.fork(`${p.plan.profile.key}|sign|${draft.version}`).pick(delays)) : null;
  if (s.signOn === date) {
    ctx.push(instantAt(date, PORTAL_TIME[p.track], ctx.world.facilities[p.facility].timeZone), async () => {
      if (p.status === 'active') await patientSigns(ctx, p, s, date);
    });
  }
}

/** Legal or preferred first name with the family name, as the clinic has it. */
function typedName(p: Live): string {
  const input = p.plan.profile.input;
  const given = typeof input['preferredName'] === 'string' ? input['preferredName'] : input['legalGivenName'];
  return `${String(given)} ${String(input['legalFamilyName'])}`;
}

export async function patientSigns(ctx: CareContext, p: Live, s: CareState, date: LocalDate): Promise<void> {
  if (!s.portal || s.plan?.status !== 'awaiting_patient') return;
  const { plans } = await s.portal.get<PortalPlans>('/api/portal/plans');
  const awaiting = plans.find((x) => x.episodeId === p.episodeId)?.awaitingSignature;
  if (!awaiting) return;
  await s.portal.post(`/api/portal/plans/${p.episodeId}/sign`, { version: awaiting.version, updatedAt: awaiting.updatedAt, typedName: typedName(p) });
  ctx.stats.patientSignatures += 1;
  s.plan.status = 'active';
  s.plan.effectiveOn = date;
  s.signOn = null;
  // Reviewed a few days before it falls due; one plan in six or seven is left to fall overdue.
  const r = ctx.rng.fork(`${p.plan.profile.key}|review|${s.plan.version}`);
  const due = addDays(date, DEFAULT_PLAN_REVIEW_DAYS);
  s.reviewOn = r.chance(0.15) ? null : weekdayOnOrBefore(addDays(due, -r.int(0, 3)));
  s.revise = s.plan.version === 1 && r.chance(0.12);
}

function reviewNote(p: Live, s: CareState, date: LocalDate): string {
  const first = s.admission?.phq9;
  const latest = s.latestPhq9;
  const mood = first !== undefined && latest !== null
    ? latest <= first - 5 ? `PHQ-9 down from ${first} to ${latest}.` : latest > first ? `PHQ-9 up from ${first} to ${latest}; discussed with the prescriber.` : `PHQ-9 ${latest} (${first} at admission).`
    : '';
  const days = daysBetween(p.plan.admittedOn, date);
  return `30-day review with the patient, day ${days} of the stay. Attending the groups and the weekly individual session. ${mood} `
    + 'Objectives still fit; continue the plan and review again in 30 days.';
}

/** The clinician reviews the plan in force; some reviews make a new version the patient signs again. */
export async function reviewPlan(ctx: CareContext, p: Live, s: CareState, date: LocalDate): Promise<void> {
  if (s.plan?.status !== 'active') return;
  const clinician = ctx.world.staff[p.clinician].client;
  s.reviewOn = null;
  if (!s.revise || !s.portal) {
    await clinician.post(`/api/episodes/${p.episodeId}/plan/reviews`, { note: reviewNote(p, s, date) });
    ctx.stats.planReviews += 1;
    return;
  }
  const content = revisedContent(ctx.rng.fork(`${p.plan.profile.key}|revision`), s.plan.content, planFacts(ctx, p, s));
  const draft = await clinician.put<PlanVersion>(`/api/episodes/${p.episodeId}/plan/draft`, { content });
  await clinician.post(`/api/episodes/${p.episodeId}/plan/sign`, { version: draft.version });
  ctx.stats.planRevisions += 1;
  ctx.stats.clinicianSignatures += 1;
  s.plan = { ...s.plan, version: draft.version, status: 'awaiting_patient', content };
  s.revise = false;
  s.signOn = addDays(date, 1);
}

const MEETING_NOTES = ['AA Step Up Group on Tuesday; SMART on Thursday', 'NA Clean and Serene on Monday', 'Home group on Saturday morning', 'AA at lunch near work', 'SMART Recovery Hartford'];

/** The value of a counted objective for the week, recorded at the individual session. */
export async function recordMeasurement(ctx: CareContext, p: Live, s: CareState, date: LocalDate): Promise<void> {
  if (!s.plan?.effectiveOn) return;
  const r = ctx.rng.fork(`${p.plan.profile.key}|measure|${date}`);
  const teen = p.program === 'adolescent';
  const [lo, hi] = s.course.kind === 'improving' || s.course.kind === 'rising' ? (teen ? [3, 6] : [2, 3]) : s.course.kind === 'flat' ? (teen ? [2, 4] : [1, 2]) : (teen ? [0, 2] : [0, 1]);
  const value = r.int(lo, hi);
  if (value === 0) return;
  const note = teen ? `${value} diary cards reviewed in session` : r.pick(MEETING_NOTES);
  await ctx.world.staff[p.clinician].client.post(`/api/episodes/${p.episodeId}/plan/objectives/${s.plan.customObjectiveId}/measurements`, { measuredOn: date, value, note });
  ctx.stats.measurements += 1;
}
