import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSearch } from '@tabler/icons-react';
import type { AuditQuery, StaffMember } from '../api/types.ts';
import { ACTION_LABELS, AUDIT_ACTIONS, AUDIT_ENTITIES, ENTITY_LABELS } from './useAudit.ts';

interface FilterValues {
  actorId: string | null;
  action: string | null;
  entity: string | null;
  patientId: string;
  from: string;
  to: string;
}

const EMPTY: FilterValues = { actorId: null, action: null, entity: null, patientId: '', from: '', to: '' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `datetime-local` values are the viewer's local time; the API wants an instant. */
const instant = (local: string) => (local ? new Date(local).toISOString() : undefined);

export function AuditFilters({ staff, onSearch }: { staff: StaffMember[]; onSearch: (q: AuditQuery) => void }) {
  const form = useForm<FilterValues>({
    initialValues: EMPTY,
    validate: {
      patientId: (v) => (!v.trim() || UUID.test(v.trim()) ? null : 'A patient ID looks like 3f2b…-…: paste it whole.'),
      to: (v, values) => (v && values.from && v <= values.from ? 'The end must be after the start.' : null),
    },
  });

  const search = (v: FilterValues) =>
    onSearch({
      actorId: v.actorId ?? undefined,
      action: v.action ?? undefined,
      entity: v.entity ?? undefined,
      patientId: v.patientId.trim() || undefined,
      from: instant(v.from),
      to: instant(v.to),
    });

  return (
    <form onSubmit={form.onSubmit(search)} noValidate aria-label="Audit log filters">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <Select
            label="Staff member"
            data={staff.map((s) => ({ value: s.staffId, label: `${s.fullName} (${s.email})` }))}
            searchable
            clearable
            nothingFoundMessage="Nobody matches"
            {...form.getInputProps('actorId')}
          />
          <Select label="Action" data={AUDIT_ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] ?? a }))} clearable {...form.getInputProps('action')} />
          <Select label="Record type" data={AUDIT_ENTITIES.map((e) => ({ value: e, label: ENTITY_LABELS[e] ?? e }))} clearable {...form.getInputProps('entity')} />
          <TextInput label="Patient ID" description="Events about one patient" autoComplete="off" {...form.getInputProps('patientId')} />
          <TextInput label="From" type="datetime-local" description="Your local time" {...form.getInputProps('from')} />
          <TextInput label="To" type="datetime-local" description="Your local time" {...form.getInputProps('to')} />
        </SimpleGrid>
        <Group>
          <Button type="submit" leftSection={<IconSearch size={18} aria-hidden />}>
            Search
          </Button>
          <Button
            variant="default"
            onClick={() => {
              form.setValues(EMPTY);
              form.clearErrors();
              onSearch({});
            }}
          >
            Clear filters
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
