/**
 * Alerts in the demo are raised by the API as events happen (a questionnaire, a result, an
 * absence, a missed dose, a check-in, the job runner's sweeps). Here the care team works
 * them: twice each weekday the clinical director's facility inbox is gone through and each
 * alert's primary clinician acknowledges it and, at a later round, resolves it with a note
 * on what was done; a suicide-risk alert is picked up within minutes. A plan-review alert is
 * acknowledged and left until the review is done. One alert (a refused test) is overlooked:
 * it falls overdue and the sweep escalates it to the clinical director.
 */
import type { AlertList, AlertView } from '../alerts/alerts.schemas.ts';
import { type LocalDate, instantAt } from '../time/local-time.ts';
import type { DemoClient } from './client.ts';
import { type MonitoringContext, after, isWeekday } from './monitoring-context.ts';
import type { FacilityKey } from './organization.ts';
import type { Live } from './seed-days.ts';

const NOTES: Record<string, readonly string[]> = {
  suicide_risk_phq9: [
    'Same-day risk assessment (full C-SSRS): passive thoughts, no plan, intent or behaviour. Safety plan written with the patient, 988 and the after-hours line given, support person informed with consent. Continue IOP; PHQ-9 again next week.',
  ],
  suicide_risk_cssrs: ['Risk assessment completed the same day; safety plan in place and reviewed with the patient.'],
  drug_test_unexpected_positive: [
    'Discussed the result in individual session: use acknowledged. Relapse-prevention plan updated; extra for-cause testing for two weeks.',
    'Patient acknowledged use at a party over the weekend. Triggers reviewed, sponsor contacted; no change in level of care.',
  ],
  drug_test_missing_expected: ['Patient says doses were skipped for three days after a pharmacy delay. Prescriber informed; observed dosing for two weeks and a film count at the next visit.'],
  drug_test_specimen_not_valid: ['Discussed with the patient, who denied tampering. Future collections observed; clinical director informed.'],
  drug_test_refused: ['Spoke with the patient the next morning; test collected under observation. Refusal discussed in individual session.'],
  consecutive_unexcused_absences: [
    'Reached the patient by phone: childcare fell through. Back on the next group day; make-up individual session booked.',
    'Two outreach calls and a text; patient called back and returns Thursday. Barriers to attendance added to the plan.',
    'No answer to three calls; outreach letter sent and emergency contact reached. Discussed at team meeting.',
  ],
  weekly_hours_at_risk: ['Make-up individual session booked this week; the minimum is reachable again.', 'Patient was sick this week (note on file); hours to be made up next week.'],
  missed_observed_dose: ['Patient called: car trouble. Dosed the next morning; prescriber informed.', 'Patient overslept; came in before noon the next day. Reminder call set up.'],
  reported_substance_use: [
    'Called the patient the same day: a single lapse, no ongoing use. For-cause test ordered; lapse discussed in group.',
    'Lapse explored in individual session; relapse-prevention plan updated and sponsor involved.',
  ],
  plan_review_overdue: ['Review held with the patient; plan continued.'],
};

export class AlertDesk {
  readonly #clients: Map<string, DemoClient>;

  constructor(private readonly ctx: MonitoringContext, private readonly overlooked: ReadonlySet<string>) {
    this.#clients = new Map(Object.values(ctx.world.staff).map((s) => [s.id, s.client]));
  }

  /** Weekday rounds at the facility: morning and afternoon. */
  day(date: LocalDate, facility: FacilityKey): void {
    if (!isWeekday(date)) return;
    const zone = this.ctx.world.facilities[facility].timeZone;
    this.ctx.push(instantAt(date, '09:00', zone), () => this.#round(facility));
    this.ctx.push(instantAt(date, '15:30', zone), () => this.#round(facility));
  }

  /** PHQ-9 item 9 answered above zero: the primary clinician picks the alert up within minutes and resolves it after the risk assessment. */
  critical(p: Live): void {
    const clinician = this.ctx.world.staff[p.clinician].client;
    this.ctx.push(after(this.ctx.clock.now(), 12), async () => {
      const { alerts } = await clinician.get<AlertList>(`/api/patients/${p.patientId}/alerts`);
      for (const alert of alerts.filter((a) => a.severity === 'critical' && a.state === 'open')) {
        await clinician.post(`/api/alerts/${alert.alertId}/acknowledge`);
        this.ctx.stats.alertsAcknowledged += 1;
        this.ctx.push(after(this.ctx.clock.now(), 75), async () => {
          await clinician.post(`/api/alerts/${alert.alertId}/resolve`, { note: NOTES[alert.rule]![0]! });
          this.ctx.stats.alertsResolved += 1;
        });
      }
    });
  }

  /** Who works an alert: its primary clinician, else whoever it went to, else the clinical director. */
  #handler(alert: AlertView): DemoClient {
    const recipient = alert.recipients.find((r) => r.reason === 'primary_clinician') ?? alert.recipients[0];
    return (recipient && this.#clients.get(recipient.staffId)) ?? this.ctx.world.staff.director.client;
  }

  async #round(facility: FacilityKey): Promise<void> {
    const director = this.ctx.world.staff.director.client;
    const { alerts } = await director.get<AlertList>(`/api/alerts/inbox?scope=facility&state=unresolved&facilityId=${this.ctx.world.facilities[facility].id}`);
    const now = this.ctx.clock.now().getTime();
    const hours = (iso: string) => (now - Date.parse(iso)) / 3_600_000;
    for (const alert of alerts) {
      if (this.overlooked.has(alert.source.id)) continue;
      if (alert.severity === 'critical' && hours(alert.raisedAt) < 3) continue;
      const handler = this.#handler(alert);
      if (alert.state === 'open' && hours(alert.raisedAt) >= 0.2) {
        await handler.post(`/api/alerts/${alert.alertId}/acknowledge`);
        this.ctx.stats.alertsAcknowledged += 1;
      } else if (alert.state === 'acknowledged' && alert.rule !== 'plan_review_overdue' && alert.acknowledged && hours(alert.acknowledged.at) >= 4) {
        const notes = NOTES[alert.rule] ?? ['Followed up with the patient; documented in the chart.'];
        const note = this.ctx.rng.fork(`${alert.rule}|${alert.raisedAt}`).pick(notes);
        await handler.post(`/api/alerts/${alert.alertId}/resolve`, { note });
        this.ctx.stats.alertsResolved += 1;
      }
    }
  }
}
