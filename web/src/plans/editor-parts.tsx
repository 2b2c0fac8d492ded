/** Small pieces the nested plan editor shares. */
import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { PlanFormValues } from './plan-form.ts';

/** Focus the element with this id after React has rendered it (a row just added). */
export function focusSoon(id: string) {
  requestAnimationFrame(() => requestAnimationFrame(() => document.getElementById(id)?.focus()));
}

/** A problem the server names on a whole list ("needs at least one goal"). */
export function ListError({ form, path }: { form: UseFormReturnType<PlanFormValues>; path: string }) {
  const error = form.errors[path];
  if (!error) return null;
  return (
    <Text size="sm" c="red.8" role="alert">
      {error}
    </Text>
  );
}

/** A row heading ("Goal 1.2") with its remove button. */
export function RowHeading({ title, what, canRemove, removeHint, onRemove, extra }: {
  title: ReactNode;
  what: string;
  canRemove: boolean;
  removeHint: string;
  onRemove: () => void;
  extra?: ReactNode;
}) {
  return (
    <Group justify="space-between" wrap="nowrap" mb={6}>
      <Group gap="xs">{title}{extra}</Group>
      <Tooltip label={canRemove ? `Remove ${what}` : removeHint}>
        <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove ${what}`} disabled={!canRemove} onClick={onRemove}>
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
