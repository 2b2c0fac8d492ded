import { ActionIcon, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { addDays, formatWeek } from '../time/dates.ts';

interface WeekPickerProps {
  weekStart: string;
  weekEnd: string;
  /** Any day of the week to show; undefined = this week. */
  onChange: (weekOf: string | undefined) => void;
  isThisWeek: boolean;
}

/** Previous / next week and back to this week, with the week's dates as a live label. */
export function WeekPicker({ weekStart, weekEnd, onChange, isThisWeek }: WeekPickerProps) {
  return (
    <Group gap="xs" wrap="wrap" style={{ rowGap: 4 }}>
      <Tooltip label="Previous week">
        <ActionIcon variant="default" size="lg" aria-label="Previous week" onClick={() => onChange(addDays(weekStart, -7))}>
          <IconChevronLeft size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Text fw={600} miw={140} ta="center" aria-live="polite">
        {formatWeek(weekStart, weekEnd)}
      </Text>
      <Tooltip label="Next week">
        <ActionIcon variant="default" size="lg" aria-label="Next week" onClick={() => onChange(addDays(weekStart, 7))}>
          <IconChevronRight size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Button variant="subtle" onClick={() => onChange(undefined)} disabled={isThisWeek}>
        This week
      </Button>
    </Group>
  );
}
