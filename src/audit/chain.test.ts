import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChainVerifier, GENESIS_HASH, type StoredEvent, canonicalJson, eventHash } from './chain.ts';

function chain(n: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const event = {
      orgId: 'org',
      seq,
      eventId: `e${seq}`,
      occurredAt: new Date(Date.UTC(2026, 10, 24, 15, seq)),
      actorId: 'staff-1',
      actorRole: 'clinician',
      action: 'read',
      entity: 'patient',
      entityId: `p${seq}`,
      patientId: null,
      ip: '10.0.0.1',
      purpose: 'treatment',
      details: { fields: ['name'], n: seq },
      prevHash,
    };
    const hash = eventHash(event);
    events.push({ ...event, hash });
    prevHash = hash;
  }
  return events;
}

const verify = (events: StoredEvent[], head = { lastSeq: events.length, lastHash: events.at(-1)?.hash ?? GENESIS_HASH }) => {
  const verifier = new ChainVerifier();
  for (const event of events) {
    const problem = verifier.push(event);
    if (problem) return problem;
  }
  return verifier.finish(head);
};

describe('audit hash chain', () => {
  it('an untouched chain verifies', () => {
    assert.equal(verify(chain(5)), undefined);
  });

  it('a changed field is reported at that event', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, actorId: 'someone-else' };
    assert.deepEqual(verify(events), { kind: 'modified', seq: 3, eventId: 'e3' });
  });

  it('a removed event is reported as missing, naming the event found in its place', () => {
    const events = chain(5);
    events.splice(1, 1);
    assert.deepEqual(verify(events), { kind: 'missing', seq: 2, beforeEventId: 'e3' });
  });

  it('removing the last event is caught by the chain head', () => {
    const events = chain(5);
    const head = { lastSeq: 5, lastHash: events[4]!.hash };
    assert.deepEqual(verify(events.slice(0, 4), head), { kind: 'missing', seq: 5, beforeEventId: null });
  });

  it('a rewritten event with a recomputed hash breaks the link to the next event', () => {
    const events = chain(4);
    const forged = { ...events[1]!, entityId: 'forged' };
    events[1] = { ...forged, hash: eventHash(forged) };
    assert.deepEqual(verify(events), { kind: 'relinked', seq: 3, eventId: 'e3' });
  });

  it('hashes details independently of key order, since jsonb reorders keys', () => {
    assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }), canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
  });
});
