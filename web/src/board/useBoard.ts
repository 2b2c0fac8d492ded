import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../api/client.ts';
import type { AttendanceInput, Board, BoardSession, RosterEntry } from '../api/types.ts';

export const boardKey = (facilityId: string | null, date: string | undefined) => ['board', facilityId ?? '', date ?? 'today'] as const;

/** The day's sessions with rosters; refreshed every 30 s so two desks see each other's check-ins. */
export function useBoard(facilityId: string | null, date: string | undefined) {
  return useQuery({
    queryKey: boardKey(facilityId, date),
    queryFn: () => api.get<Board>(`/api/facilities/${facilityId}/board${queryString({ date })}`),
    enabled: facilityId !== null,
    refetchInterval: 30_000,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

export type RosterAction =
  | { kind: 'check-in'; telehealth?: boolean }
  | { kind: 'check-out' }
  | { kind: 'set'; input: AttendanceInput };

function send(sessionId: string, patientId: string, action: RosterAction): Promise<RosterEntry> {
  const base = `/api/sessions/${sessionId}/attendance/${patientId}`;
  // An empty object, not a bodiless POST: the route validates its (optional) body as an object.
  if (action.kind === 'check-in') return api.post<RosterEntry>(`${base}/check-in`, action.telehealth ? { telehealth: true } : {});
  if (action.kind === 'check-out') return api.post<RosterEntry>(`${base}/check-out`);
  return api.put<RosterEntry>(base, action.input);
}

/** Counts as the board shows them, from the roster (the server recounts on the next refresh). */
function recount(session: BoardSession): BoardSession['counts'] {
  const absent = session.roster.filter((r) => r.attendance && r.attendance.status.endsWith('absence')).length;
  const unmarked = session.roster.filter((r) => !r.attendance).length;
  return { expected: session.roster.length, present: session.roster.length - absent - unmarked, absent, unmarked };
}

function patchBoard(board: Board | undefined, sessionId: string, update: (s: BoardSession) => BoardSession): Board | undefined {
  if (!board) return board;
  return { ...board, sessions: board.sessions.map((s) => (s.sessionId === sessionId ? update(s) : s)) };
}

/** One roster change: the server's answer replaces the row at once; the board refreshes after. */
export function useRosterAction(facilityId: string | null, date: string | undefined) {
  const queryClient = useQueryClient();
  const key = boardKey(facilityId, date);
  return useMutation({
    mutationFn: ({ sessionId, patientId, action }: { sessionId: string; patientId: string; action: RosterAction }) => send(sessionId, patientId, action),
    onSuccess: (entry, { sessionId }) => {
      queryClient.setQueryData<Board>(key, (board) =>
        patchBoard(board, sessionId, (s) => {
          const roster = s.roster.some((r) => r.patientId === entry.patientId) ? s.roster.map((r) => (r.patientId === entry.patientId ? entry : r)) : [...s.roster, entry];
          const next = { ...s, roster };
          return { ...next, counts: recount(next) };
        }),
      );
      void queryClient.invalidateQueries({ queryKey: ['hours', entry.patientId] });
      void queryClient.invalidateQueries({ queryKey: ['schedule', entry.patientId] });
    },
  });
}

export function useMarkAllPresent(facilityId: string | null, date: string | undefined) {
  const queryClient = useQueryClient();
  const key = boardKey(facilityId, date);
  return useMutation({
    mutationFn: ({ sessionId, reason }: { sessionId: string; reason?: string }) =>
      api.post<BoardSession>(`/api/sessions/${sessionId}/attendance/mark-all-present`, reason ? { reason } : {}),
    onSuccess: (session) => {
      queryClient.setQueryData<Board>(key, (board) => patchBoard(board, session.sessionId, () => session));
      void queryClient.invalidateQueries({ queryKey: ['hours'] });
    },
  });
}
