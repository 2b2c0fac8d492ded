import { ActionIcon, Group, Tooltip } from '@mantine/core';
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
