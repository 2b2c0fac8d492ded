import { Badge, Button, Card, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconPencilPlus } from '@tabler/icons-react';
import { formatDate } from '../time/dates.ts';
import { DUE_REASON_LABELS, INSTRUMENT_SHORT_NAMES } from './instrument-labels.ts';
import type { DueInstrumentView, InstrumentDefinition } from './instrument-types.ts';
import { useInstrumentsDue } from './useProgress.ts';
import { ErrorState, SectionLoader } from '../shell/States.tsx';
import classes from './Progress.module.css';

interface Props {
  patientId: string;
  /** In a program now: only active episodes owe instruments. */
  inProgram: boolean;
  definitions: InstrumentDefinition[];
  canEnter: boolean;
  onEnter: (definition: InstrumentDefinition, episodeId: string | null) => void;
}

/** The instruments the program's cadence calls for now, worst first, each with "Enter now". */
export function DueInstrumentsCard({ patientId, inProgram, definitions, canEnter, onEnter }: Props) {
  const due = useInstrumentsDue(patientId);
  const definitionOf = (id: string) => definitions.find((d) => d.id === id);
  const items = [...(due.data ?? [])].sort((a, b) => (a.status === b.status ? a.dueOn.localeCompare(b.dueOn) : a.status === 'overdue' ? -1 : 1));

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="due-heading">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h4" id="due-heading">
          Instruments due
        </Title>
        {canEnter && definitions.length > 0 && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default" size="sm" leftSection={<IconPencilPlus size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
                Enter an instrument
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {definitions.map((d) => (
                <Menu.Item key={d.id} onClick={() => onEnter(d, null)}>
                  {d.shortName} <Text span size="xs" c="dimmed">· {d.name}</Text>
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {due.isPending ? (
        <SectionLoader label="Loading the instruments due" />
      ) : due.isError ? (
        <ErrorState error={due.error} onRetry={() => void due.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {inProgram ? 'Nothing due: every instrument the program’s schedule calls for has been given.' : 'Nothing is due: instruments follow a program’s schedule, and the patient is not in one.'}
        </Text>
      ) : (
        <Stack gap={0} role="list" aria-label="Instruments due">
          {items.map((d) => (
            <DueRow key={`${d.episodeId}-${d.instrument}-${d.reason}`} item={d} definition={definitionOf(d.instrument)} canEnter={canEnter} onEnter={onEnter} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function DueRow({ item: d, definition, canEnter, onEnter }: { item: DueInstrumentView; definition: InstrumentDefinition | undefined; canEnter: boolean; onEnter: Props['onEnter'] }) {
  const name = definition?.shortName ?? INSTRUMENT_SHORT_NAMES[d.instrument];
  return (
    <Group role="listitem" justify="space-between" gap="sm" py="xs" className={classes.row}>
      <Group gap="md" style={{ flex: '1 1 16rem' }}>
        <Stack gap={0} w={170}>
          <Text fw={600} size="sm">
            {name}
          </Text>
          <Text size="xs" c="dimmed">
            {DUE_REASON_LABELS[d.reason]} · {d.programName}
          </Text>
        </Stack>
        <Badge color={d.status === 'overdue' ? 'red' : 'yellow'} variant={d.status === 'overdue' ? 'filled' : 'light'} tt="none">
          {d.status === 'overdue' ? 'Overdue' : 'Due'} since {formatDate(d.dueOn)}
        </Badge>
      </Group>
      {canEnter && definition && (
        <Button size="xs" onClick={() => onEnter(definition, d.episodeId)} aria-label={`Enter ${name} now`}>
          Enter now
        </Button>
      )}
    </Group>
  );
}
