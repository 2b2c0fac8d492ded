/**
 * `cairn demo`: Cairn with a realistic demo organization, in its own data directory
 * (./data-demo unless CAIRN_DEMO_DATA_DIR says otherwise) so it never mixes with real data.
 * An empty database is seeded first; then the server starts as `cairn start` does.
 */
import { resolve } from 'node:path';
import { checkPassword } from '../auth/account-links.ts';
import { FirstRunError } from '../auth/first-run.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { administratorEmails, criticalAlertExample, demoOrganization, portalExample } from './demo.store.ts';
import { DEMO_ADMIN, DEMO_ORGANIZATION_NAME, DEMO_PASSWORD, FACILITIES, STAFF, type StaffKey } from './organization.ts';
import { SEEDING_SUFFIX, type SeedResult, seedDemo } from './seed.ts';
import { FULL_DEMO } from './timeline.ts';


export interface DemoSettings {
  readonly config: Config;
  /** Whether CAIRN_ADMIN_EMAIL / CAIRN_ADMIN_PASSWORD name the administrator. */
  readonly ownAdmin: boolean;
  readonly notes: string[];
}

/**
 * The demo's configuration: its own data directory, never DATA_DIR, and never DATABASE_URL
 * (a real database) unless CAIRN_DEMO_DATABASE_URL names a server for the demo explicitly.
 */
export function demoSettings(base: Config): DemoSettings {
  const notes: string[] = [];
  const databaseUrl = base.demo.databaseUrl;
  if (base.databaseUrl && !databaseUrl) {
    notes.push('DATABASE_URL is ignored: the demo never writes its fictional patients into a real database. Set CAIRN_DEMO_DATABASE_URL to run the demo on a PostgreSQL server.');
  }
  const ownAdmin = base.adminEmail !== undefined && base.adminPassword !== undefined;
  if (base.adminEmail && !base.adminPassword) notes.push('CAIRN_ADMIN_EMAIL is ignored without CAIRN_ADMIN_PASSWORD; the demo administrator is used instead.');
  return {
    config: {
      ...base,
      databaseUrl,
      dataDir: base.demo.dataDir,
      organizationName: base.demo.organizationName ?? DEMO_ORGANIZATION_NAME,
    },
    ownAdmin,
    notes,
  };
}

export class DemoError extends Error {}

function describeWhere(config: Config): string {
  return config.databaseUrl ? `the PostgreSQL database at ${new URL(config.databaseUrl).host}` : resolve(config.dataDir);
}

/** Opens and migrates the demo database, seeding it when it has no organization yet. */
export async function prepareDemo(settings: DemoSettings, clock: Clock, log: (line: string) => void): Promise<{ handle: DatabaseHandle; seeded: SeedResult | null }> {
  const { config } = settings;
  if (settings.ownAdmin) {
    try {
      checkPassword(config.adminPassword!, config.adminEmail!);
    } catch (error) {
      throw new FirstRunError(`CAIRN_ADMIN_PASSWORD is not acceptable: ${(error as Error).message}`);
    }
  }
  const handle = await openDatabase(config);
  try {
    await migrate(handle.db);
    const existing = await demoOrganization(handle.db);
    if (existing?.name.endsWith(SEEDING_SUFFIX)) {
      throw new DemoError(`the demo data in ${describeWhere(config)} is incomplete (an earlier seed stopped part way). Delete it and run the demo again.`);
    }
    if (existing) {
      log(`Using the existing demo data in ${describeWhere(config)}.`);
      return { handle, seeded: null };
    }
    log(`Seeding the demo organization into ${describeWhere(config)} (about a minute)…`);
    const admin = settings.ownAdmin
      ? { email: config.adminEmail!, password: config.adminPassword!, fullName: config.adminName }
      : { email: DEMO_ADMIN.email, password: DEMO_PASSWORD, fullName: DEMO_ADMIN.fullName };
    const seeded = await seedDemo(handle, config, { size: FULL_DEMO, now: clock.now(), organizationName: config.organizationName, admin, log });
    log(`Seeded in ${seeded.seconds} s (${seeded.apiCalls} API calls): ${summary(seeded)}`);
    return { handle, seeded };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

const FACILITY_SHORT: Record<string, string> = { [FACILITIES.hartford.name]: 'Hartford', [FACILITIES.pasadena.name]: 'Pasadena' };

const listed = (counts: Record<string, number>, names: Record<string, string> = {}) =>
  Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${names[k] ?? k.replace(/_/g, ' ')} ${n}`).join(', ') || 'none';
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const INSTRUMENT_NAMES: Record<string, string> = { phq9: 'PHQ-9', gad7: 'GAD-7', bam: 'BAM', cssrs_screener: 'C-SSRS', audit: 'AUDIT', dast10: 'DAST-10' };

export function summary(result: SeedResult): string {
  const c = result.counts;
  const k = c.care;
  const statuses = (week: string) => Object.entries(result.hours[week] ?? {}).sort().map(([key, n]) => `${key} ${n}`).join(', ');
  const today = result.care;
  return [
    `${c.patients} patients (${c.activeEpisodes} active, ${c.dischargedEpisodes} discharged), ${c.staff} staff, ${c.groups} groups, ${c.sessions} sessions, ${c.attendance} attendance records, ${c.auditEvents} audit events`,
    `  hours this week (${result.thisWeek}): ${statuses(result.thisWeek)}`,
    `  hours last week (${result.lastWeek}): ${statuses(result.lastWeek)}`,
    `  intake assessments: ${total(k.intakeByDecision)} (${listed(k.intakeByDecision)})`,
    `  instrument responses: ${total(k.responsesByInstrument)} (${listed(k.responsesByInstrument, INSTRUMENT_NAMES)}; ${k.responsesBySource['portal'] ?? 0} in the portal); flags: ${listed(k.flags)}`,
    `  treatment plans: ${listed(k.planVersionsByStatus)}; ${k.planReviews} reviews, ${k.measurements} objective measurements; step-down decisions: ${listed(k.stepDownByDecision)}; ${k.stayExtensions} stay extension(s)`,
    `  step-down queue today (week of ${today.stepDownWeek}): ${total(today.stepDownQueue)} (${listed(today.stepDownQueue)})`,
    `  instruments due today: ${total(today.instrumentsDue)} (${listed(today.instrumentsDue)})`,
    `  plan reviews needing attention: ${total(today.planWorklist)} (${listed(today.planWorklist)})`,
    ...monitoringLines(result),
  ].join('\n');
}

/** Issue 5 in the summary: drug tests, medications, check-ins, on-call, alerts. */
function monitoringLines(result: SeedResult): string[] {
  const m = result.counts.monitoring;
  const today = result.monitoring;
  const lists = Object.entries(today.drugTestsToday).map(([name, statuses]) => `${FACILITY_SHORT[name] ?? name} ${total(statuses)}${total(statuses) ? ` (${listed(statuses)})` : ''}`).join(', ');
  const onCall = Object.entries(today.onCallNow).map(([name, people]) => `${FACILITY_SHORT[name] ?? name} ${people.join(' and ') || 'nobody'}`).join(', ');
  return [
    `  drug tests: ${total(m.drugTestsByStatus)} (${listed(m.drugTestsByStatus)}; ${listed(m.drugTestsByReason)}; ${m.hl7Imports} imported by HL7, ${m.temperatureOutOfRange} read out of temperature range); outcomes: ${listed(m.drugTestsByOutcome)}; validity: ${listed(m.drugTestsByValidity)}`,
    `  drug tests on today's lists: ${lists}`,
    `  medications: ${m.medications} for ${m.medicatedPatients} patients (${listed(m.medicationsByKind, { moud: 'MOUD', maud: 'MAUD' })}; ${m.observedMedications} with observed dosing); observed doses: ${listed(m.dosesByOutcome)}`,
    `  daily check-ins: ${total(m.checkinsBySource)} from ${m.checkinPatients} patients (${listed(m.checkinsBySource)}); use reported ${m.checkinsReportingUse} time(s)`,
    `  on call now: ${onCall} (${m.onCallShifts} weekly shifts)`,
    `  alerts: ${total(m.alertsByState)} (${listed(m.alertsByState)}; ${m.escalated} escalated, ${m.overdue} overdue, ${m.openCritical} critical unresolved): ${listed(m.alertsByRule)}`,
    `  clinical director's alert inbox: ${today.inbox.unresolved} unresolved, ${today.inbox.critical} critical, ${today.inbox.overdue} overdue`,
  ];
}

const ROLE_LINES: [string, StaffKey[]][] = [
  ['Clinical director', ['director']],
  ['Clinician', ['bell', 'raman']],
  ['Medical (nurse)', ['nurse']],
  ['Admissions', ['admissions']],
  ['Front desk', ['deskHartford', 'deskPasadena']],
  ['Billing', ['billing']],
];


/** The sign-in block printed at start: the administrator and one account per role. */
export async function signInLines(handle: DatabaseHandle, settings: DemoSettings): Promise<string[]> {
  const org = await demoOrganization(handle.db);
  const admins = org ? await administratorEmails(handle.db, org.org_id) : [];
  const pad = (label: string) => label.padEnd(19);
  const lines = [`Demo organization "${org?.name ?? settings.config.organizationName}", data in ${describeWhere(settings.config)}`];
  lines.push(`Sign in at ${settings.config.publicUrl}/ — every demo account's password is ${DEMO_PASSWORD}`);
  for (const email of admins) {
    const own = settings.ownAdmin && email.toLowerCase() === settings.config.adminEmail!.toLowerCase();
    lines.push(`  ${pad('Administrator')}${email}${own ? ' (password from CAIRN_ADMIN_PASSWORD)' : ''}`);
  }
  for (const [label, keys] of ROLE_LINES) {
    const accounts = keys.map((key) => STAFF.find((s) => s.key === key)!).map((s) => {
      const where = s.facilities.length === 1 ? ` (${FACILITY_SHORT[FACILITIES[s.facilities[0]!].name]})` : '';
      return `${s.email}${where}`;
    });
    lines.push(`  ${pad(label)}${accounts.join(', ')}`);
  }
  const patient = org ? await portalExample(handle.db, org.org_id) : undefined;
  if (patient) lines.push(`  ${pad('Patient portal')}${patient.email} at ${settings.config.publicUrl}/portal${patient.planToSign ? ' (a treatment plan to sign)' : ''}`);
  const nurse = STAFF.find((s) => s.key === 'nurse')!;
  const desk = STAFF.find((s) => s.key === 'deskHartford')!;
  lines.push('Monitoring (issue 5):');
  lines.push(`  ${pad('Drug tests')}today's list and collection as ${desk.email}; results to sign as ${nurse.email} (/drug-tests)`);
  lines.push(`  ${pad('Dosing')}today's observed doses as ${nurse.email} (/dosing); the check-in kiosk as ${desk.email} (/kiosk)`);
  const critical = org ? await criticalAlertExample(handle.db, org.org_id) : undefined;
  if (critical) lines.push(`  ${pad('Alerts')}a critical suicide-risk alert for ${critical.patient} is open for ${critical.recipients.join(', ')} (/alerts); the clinical director sees every facility's alerts`);
  lines.push(settings.config.databaseUrl ? 'To start over, stop Cairn and drop the demo database.' : `To start over, stop Cairn and delete ${describeWhere(settings.config)}.`);
  return lines;
}
