/**
 * Server error codes (src/http/errors.ts `ErrorCode`) as sentences a person can act on.
 * When a code is missing here, the server's own message is shown.
 */
import { ApiError } from './client.ts';

const ERROR_SENTENCES: Record<string, string> = {
  validation_failed: 'Some fields are missing or not valid. Check the highlighted fields.',
  invalid_json: 'The request could not be read. Reload the page and try again.',
  unsupported_media_type: 'The request could not be read. Reload the page and try again.',
  payload_too_large: 'That is too much data to send at once.',
  not_found: 'This record no longer exists, or the link is wrong.',
  method_not_allowed: 'That action is not available.',
  unauthenticated: 'Sign in to continue.',
  session_expired: 'Your session ended. Sign in again.',
  invalid_credentials: 'The e-mail address or password is not right.',
  account_locked: 'Too many failed sign-ins: this account is locked for a while. Try again later or ask an administrator to unlock it.',
  account_inactive: 'This account has been deactivated. Ask an administrator.',
  totp_required: 'Enter the 6-digit code from your authenticator app.',
  totp_invalid: 'That authenticator code is not right. Check the time on your phone and try the next code.',
  totp_enrollment_required: 'Your organization requires an authenticator app. Set one up to continue.',
  totp_already_enabled: 'An authenticator is already set up for this account.',
  totp_not_started: 'Start setting up the authenticator again.',
  forbidden: 'Your role does not allow this.',
  facility_forbidden: 'You are not assigned to this facility.',
  csrf_failed: 'This page is out of date. Reload it and try again.',
  rate_limited: 'Too many attempts. Wait a minute and try again.',
  weak_password: 'Choose a stronger password.',
  token_invalid: 'This link is not valid: it may have expired or been used already. Ask an administrator for a new one.',
  already_set_up: 'Cairn is already set up for this organization. Sign in instead.',
  conflict: 'This conflicts with an existing record.',
  duplicate_name: 'That name is already used here. Choose another.',
  email_taken: 'This e-mail address already has an account.',
  invalid_time_zone: 'Choose a time zone from the list.',
  invalid_npi: 'This NPI is not valid. Check the 10 digits.',
  level_of_care_unknown: 'Choose a level of care from the list.',
  level_of_care_without_hours: 'This level of care has no weekly hours, so it cannot hold a program. Choose an outpatient, intensive outpatient or partial hospitalization level.',
  phase_hours_outside_band: 'A phase’s weekly hours fall outside the level of care’s band.',
  phase_not_found: 'A track or phase no longer belongs to this program. Reload the page and try again.',
  track_times_invalid: 'A track must end after it starts.',
  facility_not_found: 'That facility does not exist.',
  facility_inactive: 'That facility is inactive.',
  last_admin: 'This is the only active administrator. Make someone else an administrator first.',
  cannot_change_self: 'You cannot do this to your own account.',
  referenced: 'Other records depend on this, so it cannot be changed this way.',
  patient_forbidden: 'You cannot open this patient’s chart: the patient is not at a facility you are assigned to.',
  possible_duplicate: 'This person may already be registered. Check the matching charts below before registering again.',
  mrn_taken: 'This MRN already belongs to another patient. Leave it empty to have Cairn assign the next number.',
  invalid_icd10: 'This is not an ICD-10-CM code. Codes look like F10.20 or Z63.0.',
  availability_overlap: 'Two availability windows overlap on the same day. Merge them or change the times.',
  date_out_of_range: 'That date is out of the allowed range.',
  episode_already_active: 'The patient is already admitted to this program. Change the phase or discharge first.',
  episode_not_active: 'The patient has no active episode here. Admit the patient to a program first.',
  program_not_found: 'That program does not exist or is not at this facility.',
  program_inactive: 'That program is inactive and takes no new admissions.',
  clinician_not_found: 'Choose an active clinician or clinical director.',
  invalid_rrule: 'The repeat rule is not valid. Use weekdays and an interval, or a rule such as FREQ=WEEKLY;BYDAY=MO,WE,TH.',
  group_not_found: 'That group does not exist or is no longer active.',
  session_not_found: 'That session no longer exists. Reload the page.',
  session_cancelled: 'This session has been cancelled.',
  group_full: 'This group is full.',
  not_eligible: 'The patient does not meet this group’s eligibility rules.',
  schedule_conflict: 'This overlaps with another session or with the patient’s work or school hours.',
  already_enrolled: 'The patient is already in this group (or on its waitlist).',
  not_enrolled: 'The patient is not enrolled in this group.',
  not_on_roster: 'The patient is not on this session’s roster.',
  correction_reason_required: 'Changing attendance after the session’s day needs a reason.',
  attendance_times_invalid: 'Check-out must be after check-in, within the session’s day.',
  session_not_started: 'Check-in opens 60 minutes before the session starts.',
  telehealth_unavailable: 'This session has no video link yet. Call the clinic.',
  portal_account_exists: 'This patient already has a portal account.',
  patient_not_found: 'That patient does not exist, or the link is wrong.',
  not_checked_in: 'The patient has not been checked in to this session yet. Check them in first.',
  // Intake and placement
  override_reason_required: 'Say why the recommended level of care is overridden.',
  // Standard instruments
  invalid_answers: 'Some answers are missing or are not one of the choices. Check the highlighted questions.',
  episode_required: 'The patient is in more than one program. Choose which admission this belongs to.',
  instrument_not_assigned: 'This questionnaire is not part of the program.',
  // Treatment plans
  plan_invalid: 'Some entries in the plan cannot be saved. Check the highlighted fields.',
  plan_incomplete: 'The plan is not ready to sign: every problem needs a goal, every goal a measurable objective, and every objective an intervention with an active staff member responsible.',
  plan_not_draft: 'This version of the plan is no longer a draft, so it cannot be changed or signed. Reload the plan to see where it stands.',
  plan_not_active: 'There is no plan in force yet: a review needs a plan signed by the clinician and the patient.',
  plan_not_awaiting_signature: 'This version of the plan is not waiting for a signature. Reload to see the current version.',
  plan_changed: 'Your care team changed this plan since you opened it. Read it again before signing.',
  signature_name_mismatch: 'Type your full name as the clinic has it (first and last name) to sign.',
  objective_not_found: 'That objective is no longer in the plan. Reload the plan.',
  objective_not_custom: 'This objective measures itself from attendance and scores; only custom objectives take recorded values.',
  // Step-down, length of stay and aftercare
  proposal_changed: 'The proposal no longer holds: the patient’s record changed since the queue was loaded. Look at the current evaluation before deciding.',
  already_decided: 'This proposal has already been decided. Reload the queue.',
  decline_reason_required: 'Say why the proposal is declined.',
  aftercare_required: 'Completing the program or stepping down to outpatient care needs an aftercare plan. Fill in the aftercare section.',
  aftercare_not_found: 'There is no aftercare plan for this stay: one is recorded at discharge.',
  followup_not_found: 'That follow-up no longer exists. Reload the page.',
  not_today: 'Today’s drug-test list can only be seen on the day itself.',
  policy_not_found: 'This program has no drug-testing policy yet. Set one in the program’s clinical settings.',
  panel_unknown: 'That test panel is not one Cairn knows. Pick a panel from the list.',
  analyte_unknown: 'That substance is not on this test’s panel.',
  drug_test_not_found: 'That drug test no longer exists. Reload the page.',
  test_not_pending: 'This test has already been collected, refused or closed.',
  test_not_collected: 'Record the collection before entering results.',
  test_not_resulted: 'There are no results to review on this test yet.',
  already_reviewed: 'These results have already been reviewed and signed.',
  specimen_id_taken: 'That specimen id is already used on another test. Check the label.',
  not_scheduled_today: 'The patient is not scheduled at this facility today.',
  hl7_malformed: 'The laboratory message could not be read. Nothing was imported.',
  hl7_unsupported: 'Only HL7 v2 ORU^R01 result messages can be imported.',
  hl7_unmatched: 'The laboratory message does not match a collected specimen or patient here. Nothing was imported.',
  hl7_duplicate: 'This laboratory message was already imported.',
  kiosk_no_match: 'We could not find you on today’s schedule. Check your details or ask the front desk.',
  medication_not_found: 'That medication no longer exists. Reload the page.',
  medication_stopped: 'That medication has been stopped.',
  not_observed_dosing: 'That medication is not dispensed under observation.',
  dose_already_recorded: 'A dose is already recorded for that day.',
  alert_not_found: 'That alert no longer exists. Reload the page.',
  alert_not_acknowledged: 'Acknowledge the alert before resolving it.',
  alert_already_acknowledged: 'Someone has already acknowledged this alert.',
  alert_already_resolved: 'This alert has already been resolved.',
  on_call_times_invalid: 'The on-call shift must end after it starts.',
  network_error: 'Cairn cannot be reached. Check the network connection and try again.',
  internal: 'Something went wrong on our side. Try again; if it keeps happening, tell your administrator.',
};

/** Codes whose server message is more specific than our sentence (it names the band, the minutes…). */
const PREFER_SERVER_MESSAGE = new Set([
  'phase_hours_outside_band',
  'account_locked',
  'cannot_change_self',
  'weak_password',
  'track_times_invalid',
  'date_out_of_range',
  'session_not_started',
  'attendance_times_invalid',
]);

/** The sentence to show for any error thrown by the API client (or anything else). */
export function errorSentence(error: unknown): string {
  if (error instanceof ApiError) {
    if (PREFER_SERVER_MESSAGE.has(error.code) && error.message) return error.message;
    return ERROR_SENTENCES[error.code] ?? error.message;
  }
  return ERROR_SENTENCES['internal']!;
}

/** Ajv's terse phrases ("must NOT have fewer than 1 characters") as field hints. */
export function fieldSentence(message: string): string {
  const m = message.trim();
  let match: RegExpMatchArray | null;
  if (/^must match format "email"/.test(m)) return 'Enter a valid e-mail address.';
  if (/^must match format "(uuid|date-time)"/.test(m)) return 'Choose a valid value.';
  if (/^must match pattern/.test(m)) return 'This is not in the expected format.';
  if ((match = m.match(/^must NOT have fewer than (\d+) characters/))) return match[1] === '1' ? 'This field is required.' : `Enter at least ${match[1]} characters.`;
  if ((match = m.match(/^must NOT have more than (\d+) characters/))) return `Use at most ${match[1]} characters.`;
  if ((match = m.match(/^must NOT have fewer than (\d+) items/))) return match[1] === '1' ? 'Choose at least one.' : `Choose at least ${match[1]}.`;
  if ((match = m.match(/^must NOT have more than (\d+) items/))) return `Choose at most ${match[1]}.`;
  if (/^must have required property/.test(m)) return 'This field is required.';
  if ((match = m.match(/^must be multiple of ([\d.]+)/))) return match[1] === '0.5' ? 'Use steps of half an hour (0.5).' : `Use multiples of ${match[1]}.`;
  if ((match = m.match(/^must be >= ([\d.]+)/))) return `Must be at least ${match[1]}.`;
  if ((match = m.match(/^must be <= ([\d.]+)/))) return `Must be at most ${match[1]}.`;
  if (/^must be (integer|number)/.test(m)) return 'Enter a number.';
  if (/^must NOT have duplicate items/.test(m)) return 'Remove the repeated entry.';
  if (/^must NOT have additional properties/.test(m)) return 'This field is not accepted.';
  const sentence = m.charAt(0).toUpperCase() + m.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
