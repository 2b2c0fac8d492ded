import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingHospital, IconClipboardList } from '@tabler/icons-react';
import { Link } from 'react-router';

interface GettingStartedProps {
  facilities: number | undefined;
  programs: number | undefined;
  canCreateFacility: boolean;
  canCreateProgram: boolean;
}

/** The next setup step while there is no facility or no program yet. */
export function GettingStarted({ facilities, programs, canCreateFacility, canCreateProgram }: GettingStartedProps) {
  if (facilities === undefined || programs === undefined) return null;
  if (facilities === 0 && canCreateFacility) {
    return (
      <Prompt
        icon={<IconBuildingHospital size={24} />}
        title="Start by adding your first facility"
        text="A facility is a site where programs run. It needs an address and a time zone; the NPI can come later."
        action={
          <Button component={Link} to="/facilities/new">
            Create a facility
          </Button>
        }
      />
    );
  }
  if (facilities > 0 && programs === 0 && canCreateProgram) {
    return (
      <Prompt
        icon={<IconClipboardList size={24} />}
        title="Next, define a program"
        text="Choose its level of care, add its tracks (morning, evening…) and its phases with the days and weekly hours each requires."
        action={
          <Button component={Link} to="/programs/new">
            Create a program
          </Button>
        }
      />
    );
  }
  return null;
}

function Prompt({ icon, title, text, action }: { icon: React.ReactNode; title: string; text: string; action: React.ReactNode }) {
  return (
    <Card withBorder padding="lg" radius="md" bg="indigo.0" style={{ borderColor: 'var(--mantine-color-indigo-2)' }}>
      <Group justify="space-between" gap="md">
        <Group gap="md" wrap="nowrap" style={{ flex: '1 1 360px' }}>
          <ThemeIcon size={48} radius="md" aria-hidden>
            {icon}
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={2} size="h4">
              {title}
            </Title>
            <Text size="sm">{text}</Text>
          </Stack>
        </Group>
        {action}
      </Group>
    </Card>
  );
}
