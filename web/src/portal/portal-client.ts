/**
 * The patient portal's own API client: its session is a separate cookie, so its CSRF token
 * (from /api/portal/me and the sign-in answer) is kept apart from the staff client's.
 */
import { ApiError } from '../api/client.ts';
import type { ErrorBody } from '../api/types.ts';

let csrfToken: string | null = null;
const endedListeners = new Set<() => void>();

export function setPortalCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a portal request answers 401 (the portal session ended). */
export function onPortalSessionEnded(listener: () => void): () => void {
  endedListeners.add(listener);
  return () => {
    endedListeners.delete(listener);
  };
}

const PUBLIC = ['/api/portal/login', '/api/portal/accept'];

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', 'Cannot connect. Check your internet connection and try again.', undefined);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (response.ok) return parsed as T;
  const error = (parsed as ErrorBody | undefined)?.error;
  const apiError = new ApiError(response.status, error?.code ?? 'internal', error?.message ?? `The server answered ${response.status}.`, error?.details);
  if (response.status === 401 && !PUBLIC.includes(path)) endedListeners.forEach((l) => l());
  throw apiError;
}

export const portalApi = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
};
