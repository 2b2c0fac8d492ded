import { Popover, Text, UnstyledButton } from '@mantine/core';
import type { CSSProperties } from 'react';
import type { CalendarSession } from '../api/types.ts';
import { addDays, formatTimeRange, minutesOf } from '../time/dates.ts';
import { groupTypeColor } from './group-labels.ts';
import { SessionDetails } from './SessionDetails.tsx';
import classes from './WeekGrid.module.css';

const HOUR = 52;

interface Placed {
  session: CalendarSession;
  lane: number;
  lanes: number;
}

/** Sessions that overlap share the column side by side. */
function place(sessions: CalendarSession[]): Placed[] {
  const sorted = [...sessions].sort((a, b) => a.localStart.localeCompare(b.localStart) || b.localEnd.localeCompare(a.localEnd));
  const placed: Placed[] = [];
  let cluster: Placed[] = [];
  let clusterEnd = '';
  const close = () => {
    const lanes = Math.max(1, ...cluster.map((p) => p.lane + 1));
    cluster.forEach((p) => (p.lanes = lanes));
    cluster = [];
  };
  for (const s of sorted) {
    if (cluster.length && s.localStart >= clusterEnd) close();
    const used = new Set(cluster.filter((p) => p.session.localEnd > s.localStart).map((p) => p.lane));
    let lane = 0;
    while (used.has(lane)) lane++;
    const p = { session: s, lane, lanes: 1 };
    cluster.push(p);
    placed.push(p);
    clusterEnd = s.localEnd > clusterEnd ? s.localEnd : clusterEnd;
  }
  close();
  return placed;
}

/** Monday–Sunday with each session placed by its local time; click or Enter opens its details. */
export function WeekGrid({ weekStart, today, sessions }: { weekStart: string; today: string; sessions: CalendarSession[] }) {
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const first = Math.min(8, ...sessions.map((s) => Math.floor(minutesOf(s.localStart) / 60)));
  const last = Math.max(18, ...sessions.map((s) => Math.ceil(minutesOf(s.localEnd === '00:00' ? '23:59' : s.localEnd) / 60)));
  const height = (last - first) * HOUR;
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);

  return (
    <div className={classes.scroller}>
      <div className={classes.grid} role="grid" aria-label="Sessions this week">
        <div className={classes.head} aria-hidden />
        {days.map((d) => (
          <div key={d} className={classes.head} data-today={d === today || undefined} role="columnheader">
            {new Date(`${d}T00:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })}
          </div>
        ))}
        <div className={classes.hours} style={{ height }} aria-hidden>
          {hours.map((h) => (
            <span key={h} className={classes.hourLabel} style={{ top: (h - first) * HOUR }}>
              {h === first ? '' : new Date(Date.UTC(2000, 0, 1, h)).toLocaleTimeString(undefined, { hour: 'numeric', timeZone: 'UTC' })}
            </span>
          ))}
        </div>
        {days.map((d) => (
          <div key={d} className={classes.day} data-today={d === today || undefined} style={{ height, ['--hour-height' as string]: `${HOUR}px` }} role="gridcell">
            {place(sessions.filter((s) => s.localDate === d)).map(({ session: s, lane, lanes }) => {
              const top = ((minutesOf(s.localStart) - first * 60) / 60) * HOUR;
              const end = s.localEnd < s.localStart ? 24 * 60 : minutesOf(s.localEnd);
              const color = s.kind === 'group' ? groupTypeColor(s.groupType) : 'teal';
              const style = {
                top,
                height: Math.max(22, ((end - minutesOf(s.localStart)) / 60) * HOUR - 2),
                left: `calc(${(lane / lanes) * 100}% + 2px)`,
                width: `calc(${100 / lanes}% - 4px)`,
                '--block-color': `var(--mantine-color-${color}-6)`,
                '--block-bg': `var(--mantine-color-${color}-0)`,
              } as CSSProperties;
              return (
                <Popover key={s.sessionId} width={320} position="right-start" withArrow shadow="md" trapFocus>
                  <Popover.Target>
                    <UnstyledButton className={classes.block} style={style} data-cancelled={s.status === 'cancelled' || undefined} aria-label={`${s.title}, ${formatTimeRange(s.localStart, s.localEnd)}${s.status === 'cancelled' ? ', cancelled' : ''}`}>
                      <Text size="xs" fw={700} lh={1.2} truncate="end">
                        {s.title}
                      </Text>
                      <Text size="xs" lh={1.2} truncate="end">
                        {formatTimeRange(s.localStart, s.localEnd)}
                      </Text>
                      <Text size="xs" c="dimmed" lh={1.2} truncate="end">
                        {[s.room, s.kind === 'group' && s.enrolledCount !== null ? `${s.enrolledCount}/${s.capacity}` : s.patientName].filter(Boolean).join(' · ')}
                      </Text>
                    </UnstyledButton>
                  </Popover.Target>
                  <Popover.Dropdown>
                    <SessionDetails session={s} />
                  </Popover.Dropdown>
                </Popover>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
