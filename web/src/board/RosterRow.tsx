import { Button, Group, Loader, Menu, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconLogin2, IconLogout2, IconVideo } from '@tabler/icons-react';
import { useState } from 'react';
import type { AttendanceInput, AttendanceStatus, BoardSession, RosterEntry } from '../api/types.ts';
import { errorSentence } from '../api/error-messages.ts';
import { ATTENDANCE_LABELS, attendanceLabel } from '../attendance/attendance-labels.ts';
import { formatInstantTime } from '../time/dates.ts';
import type { RosterAction } from './useBoard.ts';
import { StatusDialog, type StatusRequest } from './StatusDialog.tsx';
import classes from './Board.module.css';

interface RosterRowProps {
  session: BoardSession;
  entry: RosterEntry;
  timeZone: string;
  /** The session's day is over: changes are corrections with a reason. */
  pastDay: boolean;
  canEdit: boolean;
  run: (action: RosterAction) => Promise<RosterEntry>;
  announce: (message: string) => void;
}

const ORDER: AttendanceStatus[] = ['present', 'late', 'left_early', 'excused_absence', 'unexcused_absence'];

/** One patient on a session's roster: name large, then one-tap check-in, check-out and a status menu. */
export function RosterRow({ session, entry, timeZone, pastDay, canEdit, run, announce }: RosterRowProps) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ask, setAsk] = useState<StatusRequest | null>(null);
  const a = entry.attendance;
  const status = a ? attendanceLabel(a.status) : null;
  const absent = a?.status.endsWith('absence') ?? false;
  /*
   * The one big button is the front desk's next step. Not marked, or marked absent (they
   * arrived after all): "Check in". Here (present, late, left early) with a check-in time and
   * no check-out yet: "Check out". Here without times (a status set from the menu), or already
   * checked out: nothing big; the status menu still changes it.
   */
  const offerCheckIn = !a || absent;
  const offerCheckOut = !absent && Boolean(a?.checkedInAt) && !a?.checkedOutAt;
  const sessionMinutes = Math.round((new Date(session.endsAt).getTime() - new Date(session.startsAt).getTime()) / 60000);
  const cancelled = session.status === 'cancelled';

  const act = async (action: RosterAction, doing: string) => {
    setPending(doing);
    setError(null);
    try {
      const result = await run(action);
      const label = result.attendance ? attendanceLabel(result.attendance.status).label : 'not marked';
      announce(`${entry.displayName}: ${doing === 'Checking out' ? 'checked out' : label.toLowerCase()}${result.attendance?.minutesAttended ? `, ${result.attendance.minutesAttended} minutes` : ''}.`);
    } catch (e) {
      const sentence = errorSentence(e);
      setError(sentence);
      announce(`${entry.displayName}: not saved. ${sentence}`);
    } finally {
      setPending(null);
    }
  };

  const choose = (next: AttendanceStatus) => {
    const needsMinutes = (next === 'late' || next === 'left_early') && !(a?.checkedInAt && a.checkedOutAt);
    if (needsMinutes || pastDay) {
      setAsk({ status: next, needsMinutes, needsReason: pastDay, sessionMinutes, what: `${entry.displayName}, ${session.title}` });
      return;
    }
    void act({ kind: 'set', input: { status: next } }, `Marking ${ATTENDANCE_LABELS[next].label.toLowerCase()}`);
  };

  return (
    <div className={classes.row} data-status={a?.status ?? 'unmarked'}>
      <Stack gap={0} className={classes.who}>
        <Text className={classes.name}>{entry.displayName}</Text>
        <Text size="sm" c="dimmed">
          MRN {entry.mrn}
          {entry.legalName !== entry.displayName && ` · legal name ${entry.legalName}`}
        </Text>
      </Stack>
      <Stack gap={0} className={classes.state} aria-live="polite">
        {pending ? (
          <Group gap={6} wrap="nowrap">
            <Loader size="xs" aria-hidden />
            <Text size="sm" c="dimmed">
              {pending}…
            </Text>
          </Group>
        ) : status ? (
          <>
            <Text fw={700} c={`${status.color}.9`}>
              {a?.telehealth && <IconVideo size={16} aria-label="By video" style={{ verticalAlign: -2, marginRight: 4 }} />}
              {status.label}
            </Text>
            <Text size="sm" c="dimmed">
              {[
                a?.checkedInAt && `In ${formatInstantTime(a.checkedInAt, timeZone)}`,
                a?.checkedOutAt && `out ${formatInstantTime(a.checkedOutAt, timeZone)}`,
                a && !absent && a.minutesAttended > 0 && `${a.minutesAttended} min`,
                a?.correctionReason && `corrected: ${a.correctionReason}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </>
        ) : (
          <Text c="dimmed">Not marked</Text>
        )}
        {error && (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        )}
      </Stack>
      {canEdit && !cancelled && (
        <Group gap="xs" className={classes.actions} wrap="nowrap">
          {!pastDay && offerCheckIn && (
            <Button size="lg" leftSection={<IconLogin2 size={20} aria-hidden />} onClick={() => void act({ kind: 'check-in' }, 'Checking in')} disabled={pending !== null} aria-label={`Check in ${entry.displayName}`}>
              Check in
            </Button>
          )}
          {!pastDay && offerCheckOut && (
            <Button size="lg" variant="outline" leftSection={<IconLogout2 size={20} aria-hidden />} onClick={() => void act({ kind: 'check-out' }, 'Checking out')} disabled={pending !== null} aria-label={`Check out ${entry.displayName}`}>
              Check out
            </Button>
          )}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="lg" variant="default" rightSection={<IconChevronDown size={18} aria-hidden />} disabled={pending !== null} aria-label={`Set attendance for ${entry.displayName}`}>
                {pastDay ? 'Correct' : 'Status'}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {ORDER.map((s) => (
                <Menu.Item key={s} onClick={() => choose(s)} className={classes.menuItem} disabled={a?.status === s && !pastDay}>
                  {ATTENDANCE_LABELS[s].label}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      )}
      {ask && (
        <StatusDialog
          request={ask}
          onCancel={() => setAsk(null)}
          onConfirm={(input: AttendanceInput) => {
            setAsk(null);
            void act({ kind: 'set', input }, `Marking ${ATTENDANCE_LABELS[input.status].label.toLowerCase()}`);
          }}
        />
      )}
    </div>
  );
}
