/**
 * The one source of "now". Pure rules take `now` as an argument; the app receives a Clock
 * so tests can move time (session expiry, lockouts, setup-link validity) without faking globals.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start: Date | string) {
    this.#ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  advanceMinutes(minutes: number): void {
    this.#ms += minutes * 60_000;
  }
  set(at: Date | string): void {
    this.#ms = new Date(at).getTime();
  }
}
