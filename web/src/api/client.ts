/**
 * The fetch client for /api. Sends the session's CSRF token on every unsafe method,
 * turns `{ error: { code, message, details } }` into an ApiError, and tells the session
 * when the server says the sign-in has ended or a second factor must be set up first.
 */
import type { ErrorBody } from './types.ts';

export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Validation-style details: `[{ path: 'phases[1].minHoursPerWeek', message }]`. */
  get fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.flatMap((d: unknown) =>
      d && typeof d === 'object' && typeof (d as FieldProblem).path === 'string' && typeof (d as FieldProblem).message === 'string'
        ? [{ path: (d as FieldProblem).path, message: (d as FieldProblem).message }]
        : [],
    );
  }
}

export type SessionSignal = 'session_ended' | 'totp_enrollment_required';

let csrfToken: string | null = null;
let lastContactAt = 0;
const listeners = new Set<(signal: SessionSignal, error: ApiError) => void>();

/** The session sets this from GET /api/me (or the sign-in answer). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function onSessionSignal(listener: (signal: SessionSignal, error: ApiError) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** When a signed-in request last succeeded (each one keeps the server session alive). */
export function lastServerContact(): number {
  return lastContactAt;
}

/** Routes anyone can call without a session; a 401 from them is an answer, not an ended session. */
const PUBLIC_PATHS = ['/api/auth/login', '/api/auth/link', '/api/auth/accept-link', '/api/setup'];

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Cairn cannot be reached. Check the network connection and try again.', undefined);
  }
  if (response.ok) lastContactAt = Date.now();
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (response.ok) return parsed as T;

  const error = (parsed as ErrorBody | undefined)?.error;
  const apiError = new ApiError(
    response.status,
    error?.code ?? 'internal',
    error?.message ?? `The server answered ${response.status}.`,
    error?.details,
  );
  const isPublic = PUBLIC_PATHS.some((p) => path.startsWith(p));
  if (!isPublic && response.status === 401 && (apiError.code === 'session_expired' || apiError.code === 'unauthenticated')) {
    listeners.forEach((l) => l('session_ended', apiError));
  }
  if (response.status === 403 && apiError.code === 'totp_enrollment_required') {
    listeners.forEach((l) => l('totp_enrollment_required', apiError));
  }
  throw apiError;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  /** A bodiless POST sends no body and no content type. */
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** `?a=1&b=x` from the defined, non-empty entries. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
