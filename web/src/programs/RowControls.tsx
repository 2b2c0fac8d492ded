import { ActionIcon, Group, Paper, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';

interface RowControlsProps {
  /** "phase 2 (Early recovery)", for the buttons' accessible names */
  what: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
  canRemove: boolean;
  removeHint?: string;
}

/** Move up, move down and remove for one row of an editable list. */
export function RowControls({ what, index, count, onMove, onRemove, canRemove, removeHint }: RowControlsProps) {
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label="Move up">
        <ActionIcon variant="default" size="lg" aria-label={`Move ${what} up`} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
          <IconArrowUp size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Move down">
        <ActionIcon variant="default" size="lg" aria-label={`Move ${what} down`} disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
          <IconArrowDown size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={canRemove ? 'Remove' : (removeHint ?? 'Remove')}>
        <ActionIcon variant="default" color="red" size="lg" aria-label={`Remove ${what}`} disabled={!canRemove} onClick={onRemove}>
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

interface EditableRowProps extends RowControlsProps {
  /** The row's heading, e.g. "Phase 2"; it is the fieldset's legend. */
  legend: string;
  children: ReactNode;
}

/** One row of an editable list (a phase, a track): a fieldset titled by its legend, with its controls. */
export function EditableRow({ legend, children, ...controls }: EditableRowProps) {
  return (
    <Paper withBorder p="md" radius="md" component="fieldset" style={{ margin: 0, minWidth: 0 }}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text component="legend" fw={600} size="sm" style={{ float: 'left', padding: 0 }}>
          {legend}
        </Text>
        <RowControls {...controls} />
      </Group>
      {children}
    </Paper>
  );
}
