/**
 * Reading an HL7 v2 ORU^R01 (unsolicited observation result) from a toxicology laboratory,
 * with the `hl7v2` package. Pure: text in, a typed message out, or an AppError naming the
 * segment and field that is wrong. HL7 v2.5.1 chapter 7 (Observation Reporting):
 *
 *   MSH  -4 sending facility, -9 message type (ORU^R01), -10 message control id, -12 version
 *   PID  -3 patient identifier list (the MRN)
 *   OBR  -2 placer order number (the clinic's specimen id), -3 filler order number (the
 *        lab's accession), -4 universal service id (e.g. "Drug screen with confirmation")
 *   OBX  -2 value type, -3 observation identifier (LOINC or the lab's code), -5 value,
 *        -6 units, -7 reference range (the cut-off), -8 abnormal flags, -11 result status,
 *        -17 observation method (immunoassay, GC-MS, LC-MS/MS)
 *   SPM  -2 specimen id (v2.5+)
 *
 * The library is lenient by design (non-strict parsing keeps undecodable text as is), so
 * every field Cairn relies on is checked here. Strict mode is not used: it refuses valid
 * timestamps with a UTC offset (hl7v2 1.8.0 decodes "20261124090000-0500" as invalid).
 */
import { HL7Message, type HL7Segment } from 'hl7v2';
import { AppError } from '../http/errors.ts';

export interface Hl7Problem {
  readonly segment: string;
  /** 1-based position among segments of that type (OBX 3 = the third OBX). */
  readonly sequence: number | null;
  readonly field: string | null;
  readonly message: string;
}

export const malformed = (problem: Hl7Problem) =>
  new AppError(422, 'hl7_malformed', `The HL7 message is malformed: ${problem.segment}${problem.field ? ` ${problem.field}` : ''} ${problem.message}.`, problem);

export const unsupported = (problem: Hl7Problem) =>
  new AppError(422, 'hl7_unsupported', `Cairn cannot import this HL7 message: ${problem.message}.`, problem);

export interface OruObservation {
  /** 1-based among the message's OBX segments. */
  readonly sequence: number;
  readonly valueType: string;
  /** OBX-3 identifier, text, alternate identifier, alternate text (those present). */
  readonly identifiers: readonly string[];
  /** OBX-5 as sent, components joined by '^' (structured numerics keep their comparator). */
  readonly value: string;
  readonly valueComponents: readonly string[];
  readonly unit: string;
  readonly referenceRange: string;
  readonly abnormalFlags: string;
  readonly resultStatus: string;
  readonly method: string;
}

export interface OruOrder {
  /** 1-based among the message's OBR segments. */
  readonly sequence: number;
  readonly placerId: string;
  readonly fillerId: string;
  readonly serviceText: string;
  readonly observations: readonly OruObservation[];
}

export interface OruMessage {
  readonly controlId: string;
  readonly sendingFacility: string | null;
  readonly version: string;
  /** PID-3 identifiers (every repetition's ID component). */
  readonly patientIdentifiers: readonly string[];
  readonly specimenIds: readonly string[];
  readonly orders: readonly OruOrder[];
}

/** Text of one component (1-based) of a field's repetition, trimmed; '' when absent. */
function text(segment: HL7Segment, field: number, component = 1, repetition = 0): string {
  const f = segment.field(field);
  if (repetition >= f.repetitions.length) return '';
  const value: unknown = f.repetition(repetition).getValue(component);
  if (value === undefined || value === null) return '';
  return String(value).trim();
}

/** The component texts of a field's first repetition, as sent. */
function components(segment: HL7Segment, field: number): string[] {
  const f = segment.field(field);
  if (f.repetitions.length === 0) return [];
  const raw = f.repetition(0).toHL7String();
  return raw.split(segment.message.componentSeparator).map((c) => c.trim());
}

/** CR is the segment terminator; files and text areas often carry LF or CRLF instead. */
function normaliseSegments(raw: string): string {
  return raw.replace(/^[\s\u000b]+/, '').replace(/\r\n|\n|\r/g, '\r').replace(/\u001c\r?$/, '');
}

function parseLibrary(raw: string): HL7Message {
  try {
    return HL7Message.parse(raw);
  } catch (error) {
    const e = error as { message?: string; segmentType?: string; fieldPosition?: number; line?: number };
    if (!raw.startsWith('MSH')) throw malformed({ segment: 'MSH', sequence: null, field: null, message: 'is missing: the message must start with an MSH segment' });
    throw malformed({
      segment: e.segmentType ?? 'MSH',
      sequence: null,
      field: e.segmentType && e.fieldPosition ? `${e.segmentType}-${e.fieldPosition}` : null,
      message: `could not be read${e.line ? ` (line ${e.line})` : ''}`,
    });
  }
}

/** Parse and check the envelope; observations are mapped to analytes later, against the test's panel. */
export function parseOru(input: string): OruMessage {
  const raw = normaliseSegments(input);
  if (!raw.startsWith('MSH')) throw malformed({ segment: 'MSH', sequence: null, field: null, message: 'is missing: the message must start with an MSH segment' });
  if (!/^MSH[^\r]{4}/.test(raw)) throw malformed({ segment: 'MSH', sequence: 1, field: 'MSH-2', message: 'does not declare the encoding characters' });
  const message = parseLibrary(raw);
  const msh = message.header;
  if (!msh) throw malformed({ segment: 'MSH', sequence: null, field: null, message: 'is missing' });

  const type = `${text(msh, 9, 1)}^${text(msh, 9, 2)}`;
  if (type === '^') throw malformed({ segment: 'MSH', sequence: 1, field: 'MSH-9', message: 'has no message type' });
  if (type !== 'ORU^R01') throw unsupported({ segment: 'MSH', sequence: 1, field: 'MSH-9', message: `only ORU^R01 result messages are accepted, not ${type.replace(/\^$/, '')}` });
  const controlId = text(msh, 10);
  if (!controlId) throw malformed({ segment: 'MSH', sequence: 1, field: 'MSH-10', message: 'has no message control id' });
  if (controlId.length > 199) throw malformed({ segment: 'MSH', sequence: 1, field: 'MSH-10', message: 'is longer than 199 characters' });
  const version = text(msh, 12);
  if (!/^2\.\d/.test(version)) throw unsupported({ segment: 'MSH', sequence: 1, field: 'MSH-12', message: `only HL7 version 2.x is accepted${version ? `, not ${version}` : ' (no version given)'}` });
  const sendingFacility = text(msh, 4) || null;

  const pids = message.segments.filter((s) => s.segmentType === 'PID');
  if (pids.length === 0) throw malformed({ segment: 'PID', sequence: null, field: null, message: 'is missing: the message must name the patient' });
  if (pids.length > 1) throw unsupported({ segment: 'PID', sequence: 2, field: null, message: 'the message names more than one patient' });
  const pid = pids[0]!;
  const patientIdentifiers = pid.field(3).repetitions.map((_, i) => text(pid, 3, 1, i)).filter((id) => id !== '');
  if (patientIdentifiers.length === 0) throw malformed({ segment: 'PID', sequence: 1, field: 'PID-3', message: 'has no patient identifier' });

  const specimenIds: string[] = [];
  const orders: { sequence: number; placerId: string; fillerId: string; serviceText: string; observations: OruObservation[] }[] = [];
  let obxCount = 0;
  for (const segment of message.segments) {
    switch (segment.segmentType) {
      case 'OBR': {
        const sequence = orders.length + 1;
        const placerId = text(segment, 2);
        const fillerId = text(segment, 3);
        if (!placerId && !fillerId) throw malformed({ segment: 'OBR', sequence, field: 'OBR-2', message: 'names no specimen: neither a placer (OBR-2) nor a filler (OBR-3) order number' });
        orders.push({ sequence, placerId, fillerId, serviceText: [text(segment, 4, 1), text(segment, 4, 2)].filter(Boolean).join(' '), observations: [] });
        break;
      }
      case 'OBX': {
        obxCount += 1;
        const order = orders.at(-1);
        if (!order) throw malformed({ segment: 'OBX', sequence: obxCount, field: null, message: 'comes before any OBR: every result must belong to an order' });
        const identifiers = [text(segment, 3, 1), text(segment, 3, 2), text(segment, 3, 4), text(segment, 3, 5)].filter(Boolean);
        if (identifiers.length === 0) throw malformed({ segment: 'OBX', sequence: obxCount, field: 'OBX-3', message: 'has no observation identifier' });
        const valueType = text(segment, 2).toUpperCase();
        if (!valueType) throw malformed({ segment: 'OBX', sequence: obxCount, field: 'OBX-2', message: 'has no value type' });
        const valueComponents = components(segment, 5);
        order.observations.push({
          sequence: obxCount,
          valueType,
          identifiers,
          value: valueComponents.join('^'),
          valueComponents,
          unit: text(segment, 6, 1),
          referenceRange: text(segment, 7),
          abnormalFlags: text(segment, 8).toUpperCase(),
          resultStatus: text(segment, 11).toUpperCase(),
          method: [text(segment, 17, 1), text(segment, 17, 2)].filter(Boolean).join(' '),
        });
        break;
      }
      case 'SPM': {
        for (const id of [text(segment, 2, 1), text(segment, 2, 2)]) if (id) specimenIds.push(id);
        break;
      }
      default:
        // ORC, NTE, PV1, Z-segments and the rest carry nothing Cairn records.
        break;
    }
  }
  if (orders.length === 0) throw malformed({ segment: 'OBR', sequence: null, field: null, message: 'is missing: the message has no order (OBR) for the specimen' });
  if (obxCount === 0) throw malformed({ segment: 'OBX', sequence: null, field: null, message: 'is missing: the message has no results (OBX)' });
  return { controlId, sendingFacility, version, patientIdentifiers, specimenIds, orders };
}
