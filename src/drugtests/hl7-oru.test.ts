/**
 * Reading a laboratory's ORU^R01 (no database): the envelope, then each OBX against the
 * test's panel. Every refusal names its segment and field.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../http/errors.ts';
import { mapObservations } from './hl7-map.ts';
import { parseOru } from './hl7-oru.ts';
import { hl7, screenAndConfirmation } from './hl7-test-messages.ts';
import { PANELS } from './panels.ts';

const CLINICAL = PANELS.clinical_12!;
const FEDERAL = PANELS.samhsa_5!;
const MSH = 'MSH|^~\\&|TOXLIS|NORTHEAST TOXICOLOGY|CAIRN|RIVERBEND|20261125081500-0500||ORU^R01^ORU_R01|CTRL-1|P|2.5.1';
const PID = 'PID|1||MRN-7^^^CAIRN^MR||Okafor^Amara||19900412|F';
const OBR = 'OBR|1|SPC-7|NT777^NETOX|TOXSCR^Drug screen^L';
const fixture = screenAndConfirmation({ controlId: 'CTRL-1', mrn: 'MRN-7', specimenId: 'SPC-7' });

/** The AppError a function throws, for asserting its code and details. */
function refusal(fn: () => unknown): { status: number; code: string; details: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    return { status: error.status, code: error.code, details: error.details as Record<string, unknown> };
  }
  assert.fail('expected a refusal');
}
const withObx = (...obx: string[]) => parseOru(hl7(MSH, PID, OBR, ...obx));
const readOne = (obx: string, panel = CLINICAL) => mapObservations(withObx(obx), panel).readings[0]!;

describe('the message envelope', () => {
  it('reads the control id, sending laboratory, MRNs and both orders of a screen-and-confirmation report', () => {
    const message = parseOru(fixture);
    assert.equal(message.controlId, 'CTRL-1');
    assert.equal(message.sendingFacility, 'NORTHEAST TOXICOLOGY');
    assert.deepEqual(message.patientIdentifiers, ['MRN-7', '987654']);
    assert.deepEqual(message.orders.map((o) => [o.placerId, o.fillerId, o.observations.length]), [['SPC-7', 'NTCTRL1', 9], ['SPC-7', 'NTCTRL1', 3]]);
  });

  it('accepts LF or CRLF line endings and MLLP framing as well as CR', () => {
    for (const text of [fixture.replaceAll('\r', '\n'), fixture.replaceAll('\r', '\r\n'), `\u000b${fixture}\u001c\r`]) {
      assert.equal(parseOru(text).orders.length, 2);
    }
  });

  const refusals: [string, string, string, Record<string, unknown>][] = [
    ['an empty message', '', 'hl7_malformed', { segment: 'MSH', field: null }],
    ['a message that does not start with MSH', hl7(PID, OBR), 'hl7_malformed', { segment: 'MSH' }],
    ['an ADT admission instead of a result', hl7(MSH.replace('ORU^R01^ORU_R01', 'ADT^A01'), PID), 'hl7_unsupported', { segment: 'MSH', field: 'MSH-9' }],
    ['an order message instead of a result', hl7(MSH.replace('ORU^R01^ORU_R01', 'ORM^O01'), PID), 'hl7_unsupported', { field: 'MSH-9' }],
    ['no message control id', hl7(MSH.replace('CTRL-1', ''), PID, OBR, 'OBX|1|ST|BUP^Bup^L||POSITIVE'), 'hl7_malformed', { field: 'MSH-10' }],
    ['an HL7 version 3 header', hl7(MSH.replace('2.5.1', '3.0'), PID, OBR, 'OBX|1|ST|BUP^Bup^L||POSITIVE'), 'hl7_unsupported', { field: 'MSH-12' }],
    ['no PID segment', hl7(MSH, OBR, 'OBX|1|ST|BUP^Bup^L||POSITIVE'), 'hl7_malformed', { segment: 'PID', field: null }],
    ['a PID without an identifier', hl7(MSH, 'PID|1||||Okafor^Amara', OBR, 'OBX|1|ST|BUP^Bup^L||POSITIVE'), 'hl7_malformed', { field: 'PID-3' }],
    ['two patients in one message', hl7(MSH, PID, PID, OBR, 'OBX|1|ST|BUP^Bup^L||POSITIVE'), 'hl7_unsupported', { segment: 'PID' }],
    ['no OBR', hl7(MSH, PID), 'hl7_malformed', { segment: 'OBR' }],
    ['an OBX before any OBR', hl7(MSH, PID, 'OBX|1|ST|BUP^Bup^L||POSITIVE', OBR), 'hl7_malformed', { segment: 'OBX', sequence: 1 }],
    ['an OBR with no OBX', hl7(MSH, PID, OBR), 'hl7_malformed', { segment: 'OBX', sequence: null }],
    ['an OBR naming no specimen', hl7(MSH, PID, 'OBR|1|||TOXSCR^Drug screen^L', 'OBX|1|ST|BUP^Bup^L||POSITIVE'), 'hl7_malformed', { field: 'OBR-2' }],
    ['an OBX without an identifier', hl7(MSH, PID, OBR, 'OBX|1|ST|||POSITIVE'), 'hl7_malformed', { field: 'OBX-3' }],
    ['an OBX without a value type', hl7(MSH, PID, OBR, 'OBX|1||BUP^Bup^L||POSITIVE'), 'hl7_malformed', { field: 'OBX-2' }],
  ];
  for (const [label, text, code, details] of refusals) {
    it(`refuses ${label} (${code})`, () => {
      const r = refusal(() => parseOru(text));
      assert.equal(r.status, 422);
      assert.equal(r.code, code);
      for (const [key, value] of Object.entries(details)) assert.equal(r.details[key], value, `details.${key}`);
      assert.equal(typeof r.details['message'], 'string');
    });
  }
});

describe('mapping observations to readings', () => {
  it('reads the fixture: validity, five screens, two confirmations, the lab comment skipped', () => {
    const mapped = mapObservations(parseOru(fixture), CLINICAL);
    assert.deepEqual(mapped.validity, { creatinineMgDl: 112.4, specificGravity: 1.018, ph: 6.2, oxidantsPresent: false });
    assert.deepEqual(mapped.readings.map((r) => [r.analyte, r.method, r.detected, r.value, r.cutoff]), [
      ['thc', 'lab_initial', false, 12, 50],
      ['cocaine', 'lab_initial', false, 0, 150],
      ['opiates', 'lab_initial', true, 2450, 2000],
      ['buprenorphine', 'lab_initial', true, 58, 10],
      ['fentanyl', 'lab_initial', false, null, 1],
      ['opiates', 'lab_confirmation', false, 850, 2000],
      ['buprenorphine', 'lab_confirmation', true, 45, 5],
    ]);
    assert.deepEqual(mapped.skipped, [{ sequence: 12, code: 'COMMENT', reason: 'comment' }]);
  });

  const methods: [string, string, string][] = [
    ['OBX-17 LC-MS/MS makes a confirmation', 'OBX|1|NM|BUP^Buprenorphine^L||45|ng/mL||||||F|||||LCMSMS^LC-MS/MS^L', 'lab_confirmation'],
    ['OBX-17 GC/MS makes a confirmation', 'OBX|1|NM|BUP^Buprenorphine^L||45|ng/mL||||||F|||||GCMS^GC/MS^L', 'lab_confirmation'],
    ['OBX-17 immunoassay makes a screen', 'OBX|1|NM|BUP^Buprenorphine^L||45|ng/mL||||||F|||||IA^Immunoassay^L', 'lab_initial'],
    ['a LOINC Confirm term makes a confirmation', 'OBX|1|NM|19289-8^Cannabinoids confirm^LN||20|ng/mL', 'lab_confirmation'],
    ['a LOINC Screen term makes a screen', 'OBX|1|NM|18282-4^Cannabinoids screen^LN||60|ng/mL', 'lab_initial'],
    ['a name saying confirmation makes a confirmation', 'OBX|1|NM|XYZ^Fentanyl confirmation^L||3|ng/mL', 'lab_confirmation'],
    ['nothing said makes a laboratory screen', 'OBX|1|NM|FEN^Fentanyl^L||3|ng/mL', 'lab_initial'],
  ];
  for (const [label, obx, method] of methods) it(label, () => assert.equal(readOne(obx).method, method));

  it('an OBR whose service is a confirmation makes its results confirmations', () => {
    const message = parseOru(hl7(MSH, PID, 'OBR|1|SPC-7||CONF^Opiate confirmation^L', 'OBX|1|NM|MOR^Morphine^L||2500|ng/mL'));
    assert.equal(mapObservations(message, CLINICAL).readings[0]!.method, 'lab_confirmation');
  });

  const values: [string, string, boolean, number | null, number][] = [
    ['a value at the cut-off is detected (SAMHSA: at or above)', 'OBX|1|NM|BUP^Buprenorphine^L||10|ng/mL', true, 10, 10],
    ['a value just under the cut-off is not', 'OBX|1|NM|BUP^Buprenorphine^L||9.9|ng/mL', false, 9.9, 10],
    ['the laboratory’s OBX-7 cut-off replaces the panel’s', 'OBX|1|NM|BUP^Buprenorphine^L||9|ng/mL|<5', true, 9, 5],
    ['"Cutoff: 20 ng/mL" is read as a cut-off', 'OBX|1|NM|BUP^Buprenorphine^L||15|ng/mL|Cutoff: 20 ng/mL', false, 15, 20],
    ['a number sent as ST is a number', 'OBX|1|ST|BUP^Buprenorphine^L||75|ng/mL', true, 75, 10],
    ['SN "<^5" is below a 10 cut-off', 'OBX|1|SN|BUP^Buprenorphine^L||<^5|ng/mL', false, null, 10],
    ['SN ">^1000" is above it', 'OBX|1|SN|BUP^Buprenorphine^L||>^1000|ng/mL', true, null, 10],
    ['POSITIVE text is detected', 'OBX|1|ST|BUP^Buprenorphine^L||POSITIVE', true, null, 10],
    ['"None Detected" is not', 'OBX|1|ST|BUP^Buprenorphine^L||None Detected', false, null, 10],
    ['a coded POS (CWE) is detected', 'OBX|1|CWE|BUP^Buprenorphine^L||POS^Positive^L', true, null, 10],
  ];
  for (const [label, obx, detected, value, cutoff] of values) {
    it(label, () => {
      const r = readOne(obx);
      assert.deepEqual([r.detected, r.value, r.cutoff], [detected, value, cutoff]);
    });
  }

  it('matches analytes by LOINC code, lab code or name, whatever the case and punctuation', () => {
    for (const id of ['3393-6^x^LN', 'bze^x^L', 'XX^Benzoylecgonine^L', 'XX^cocaine metabolite^L']) {
      assert.equal(readOne(`OBX|1|ST|${id}||NEGATIVE`).analyte, 'cocaine');
    }
  });

  it('skips results the laboratory could not obtain or withdrew', () => {
    const mapped = mapObservations(withObx('OBX|1|NM|BUP^Buprenorphine^L||||||||X', 'OBX|2|NM|FEN^Fentanyl^L||3|ng/mL|||||W', 'OBX|3|NM|MTD^Methadone^L||400|ng/mL|||||F'), CLINICAL);
    assert.deepEqual(mapped.readings.map((r) => r.analyte), ['methadone']);
    assert.deepEqual(mapped.skipped.map((s) => [s.sequence, s.code]), [[1, 'BUP'], [2, 'FEN']]);
  });

  it('reads a measured oxidant level by the laboratory’s abnormal flag', () => {
    assert.equal(mapObservations(withObx('OBX|1|NM|OXID^Oxidants^L||350|ug/mL|<200|H'), CLINICAL).validity?.oxidantsPresent, true);
    assert.equal(mapObservations(withObx('OBX|1|NM|OXID^Oxidants^L||50|ug/mL|<200|N'), CLINICAL).validity?.oxidantsPresent, false);
  });

  const refusals: [string, string[], string, Record<string, unknown>][] = [
    ['a non-numeric NM value', ['OBX|1|NM|BUP^Buprenorphine^L||abc|ng/mL'], 'hl7_malformed', { segment: 'OBX', sequence: 1, field: 'OBX-5' }],
    ['an empty value', ['OBX|1|NM|BUP^Buprenorphine^L|||ng/mL'], 'hl7_malformed', { field: 'OBX-5' }],
    ['text that is neither positive nor negative', ['OBX|1|ST|BUP^Buprenorphine^L||INCONCLUSIVE'], 'hl7_malformed', { field: 'OBX-5' }],
    ['a structured numeric range', ['OBX|1|SN|BUP^Buprenorphine^L||^5^-^10|ng/mL'], 'hl7_malformed', { field: 'OBX-5' }],
    ['a bound that cannot be compared with the cut-off', ['OBX|1|SN|BUP^Buprenorphine^L||<^100|ng/mL'], 'hl7_malformed', { field: 'OBX-5' }],
    ['a concentration in another unit', ['OBX|1|NM|BUP^Buprenorphine^L||45|ug/L'], 'hl7_malformed', { field: 'OBX-6' }],
    ['an unreadable reference range on a numeric result', ['OBX|1|NM|BUP^Buprenorphine^L||45|ng/mL|see note'], 'hl7_malformed', { field: 'OBX-7' }],
    ['a reference range too large for a cut-off', ['OBX|1|NM|BUP^Buprenorphine^L||45|ng/mL|<10000000000'], 'hl7_malformed', { segment: 'OBX', sequence: 1, field: 'OBX-7' }],
    ['a reference range of zero (every reading would be detected)', ['OBX|1|ST|BUP^Buprenorphine^L||NEGATIVE||<0'], 'hl7_malformed', { segment: 'OBX', sequence: 1, field: 'OBX-7' }],
    ['an unsupported value type', ['OBX|1|ED|BUP^Buprenorphine^L||^AP^PDF^Base64^AAAA'], 'hl7_malformed', { field: 'OBX-2' }],
    ['the same analyte and method twice', ['OBX|1|NM|BUP^Buprenorphine^L||45|ng/mL', 'OBX|2|ST|BUP^Buprenorphine^L||POSITIVE'], 'hl7_malformed', { sequence: 2, field: 'OBX-3' }],
    ['creatinine in µmol/L', ['OBX|1|NM|2161-8^Creatinine^LN||9000|umol/L'], 'hl7_malformed', { field: 'OBX-6' }],
    ['an implausible specific gravity (misplaced decimal point)', ['OBX|1|NM|2965-2^Specific gravity^LN||1018'], 'hl7_malformed', { field: 'OBX-5' }],
    ['creatinine twice', ['OBX|1|NM|2161-8^Creatinine^LN||80|mg/dL', 'OBX|2|NM|CREAT^Creatinine^L||81|mg/dL'], 'hl7_malformed', { sequence: 2, field: 'OBX-3' }],
    ['an analyte code no panel knows', ['OBX|1|NM|KETAMINE^Ketamine^L||45|ng/mL'], 'analyte_unknown', { segment: 'OBX', field: 'OBX-3', code: 'KETAMINE' }],
  ];
  for (const [label, obx, code, details] of refusals) {
    it(`refuses ${label} (${code})`, () => {
      const r = refusal(() => mapObservations(withObx(...obx), CLINICAL));
      assert.equal(r.status, 422);
      assert.equal(r.code, code);
      for (const [key, value] of Object.entries(details)) assert.equal(r.details[key], value, `details.${key}`);
    });
  }

  it('refuses an analyte that exists but is not on the test’s panel (buprenorphine on the federal panel)', () => {
    const r = refusal(() => readOne('OBX|1|NM|BUP^Buprenorphine^L||45|ng/mL', FEDERAL));
    assert.equal(r.code, 'analyte_unknown');
  });
});
