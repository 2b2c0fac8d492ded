import { Alert, Box, Button, Card, Container, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useIdle, useInterval } from '@mantine/hooks';
import { IconBuildingHospital, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { permissions } from '../auth/permissions.ts';
import { useMe, useSignOut } from '../auth/session.tsx';
import { useFacilityToday } from '../facilities/useFacilityToday.ts';
import { Brand } from '../shell/Brand.tsx';
import { ConfirmButton } from '../shell/ConfirmButton.tsx';
import { EmptyNote } from '../shell/States.tsx';
import { usePageTitle } from '../shell/usePageTitle.ts';
import type { KioskIdentity } from './checkin-types.ts';
import { CheckinForm } from './CheckinForm.tsx';
import classes from './Kiosk.module.css';
import { KioskIdentifyForm } from './KioskIdentifyForm.tsx';
import { useKioskCheckin, useKioskIdentify } from './useCheckins.ts';

/** The thank-you screen clears itself after this long; a half-finished check-in after IDLE_MS. */
const THANKS_SECONDS = 10;
const IDLE_MS = 2 * 60_000;

/**
 * /kiosk — the front-desk tablet, signed in as a staff member, turned toward patients: each
 * person finds their own check-in by last name and date of birth, answers the questions,
 * and the screen starts over for the next person. Nothing about another patient is shown,
 * and nothing about this one stays behind. Outside the app shell: no navigation to tap into.
 */
export function KioskPage() {
  usePageTitle('Check-in kiosk');
  const me = useMe();
  const signOut = useSignOut();
  const [params, setParams] = useSearchParams();
  const facilityId = params.get('facility') ?? (me.facilities.length === 1 ? me.facilities[0]!.facilityId : null);
  const facility = me.facilities.find((f) => f.facilityId === facilityId) ?? null;

  return (
    <Box className={classes.kiosk}>
      <header className={classes.header}>
        <Group justify="space-between" h={64} px="lg" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Brand />
            {facility && (
              <Text c="dimmed" fw={500} size="lg" truncate="end" visibleFrom="sm">
                {facility.name}
              </Text>
            )}
          </Group>
          <ConfirmButton
            variant="subtle"
            color="gray"
            size="sm"
            style={{ flexShrink: 0 }}
            title="Close the kiosk?"
            message="Closing signs this tablet out. A staff member signs in again to use Cairn or to reopen the kiosk."
            confirmLabel="Close and sign out"
            onConfirm={() => signOut('signed_out')}
          >
            Staff: close kiosk
          </ConfirmButton>
        </Group>
      </header>
      <Container size={880} px={{ base: 'md', sm: 'lg' }} py="xl" component="main" id="main">
        {!permissions.recordCheckins(me) ? (
          <EmptyNote title="The kiosk is not available for your role">Sign the tablet in as a front-desk, clinical or medical staff member to run the check-in kiosk.</EmptyNote>
        ) : !facility ? (
          me.facilities.length === 0 ? (
            <EmptyNote title="No facility assigned">An administrator assigns you to the facilities you work at.</EmptyNote>
          ) : (
            <FacilityPicker facilities={me.facilities} onPick={(id) => setParams({ facility: id }, { replace: true })} />
          )
        ) : (
          <KioskRounds facilityId={facility.facilityId} />
        )}
      </Container>
    </Box>
  );
}

function FacilityPicker({ facilities, onPick }: { facilities: { facilityId: string; name: string }[]; onPick: (facilityId: string) => void }) {
  return (
    <Stack gap="lg">
      <Title order={1}>Which facility is this tablet at?</Title>
      <Text size="lg" c="dimmed">
        Staff: choose once. Patients checking in here are looked up at this facility only.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {facilities.map((f) => (
          <Button key={f.facilityId} size="xl" variant="default" h={96} leftSection={<IconBuildingHospital size={28} aria-hidden />} onClick={() => onPick(f.facilityId)}>
            {f.name}
          </Button>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** One person's check-in per round; a new round starts with nothing from the last. */
function KioskRounds({ facilityId }: { facilityId: string }) {
  const [round, setRound] = useState(0);
  return <KioskFlow key={round} facilityId={facilityId} onDone={() => setRound((r) => r + 1)} />;
}

function KioskFlow({ facilityId, onDone }: { facilityId: string; onDone: () => void }) {
  const today = useFacilityToday(facilityId);
  const identify = useKioskIdentify(facilityId);
  const checkin = useKioskCheckin(facilityId);
  const [person, setPerson] = useState<KioskIdentity | null>(null);
  const [thanked, setThanked] = useState(false);
  const idle = useIdle(IDLE_MS, { initialState: false });
  const heading = useRef<HTMLHeadingElement>(null);

  // Someone walked away mid-way: start over rather than leave their name or answers on the screen.
  useEffect(() => {
    if (idle) onDone();
  }, [idle, onDone]);
  useEffect(() => {
    heading.current?.focus();
    window.scrollTo(0, 0);
  }, [person, thanked]);

  if (thanked && person) return <Thanks name={person.greetingName} onDone={onDone} />;

  if (person) {
    return (
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} className={classes.greeting} ref={heading} tabIndex={-1}>
            Hi {person.greetingName}
          </Title>
          <Text size="xl">A few questions about the last day. Tap your answers, then send.</Text>
        </Stack>
        {person.checkedInToday && (
          <Alert color="indigo" variant="light" icon={<IconInfoCircle aria-hidden />} fz="lg">
            You already checked in today. If you send again, these answers replace the earlier ones.
          </Alert>
        )}
        <CheckinForm
          kiosk
          onSubmit={(input) => checkin.mutateAsync({ patientId: person.patientId, ...input }).then(() => setThanked(true))}
          secondaryAction={
            <Button variant="default" size="xl" onClick={onDone}>
              Not {person.greetingName}? Start over
            </Button>
          }
        />
      </Stack>
    );
  }

  return (
    <Card withBorder radius="lg" className={classes.card} maw={640} mx="auto">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} className={classes.greeting} ref={heading} tabIndex={-1}>
            Daily check-in
          </Title>
          <Text size="xl">Welcome. Enter your last name and date of birth to start.</Text>
        </Stack>
        <KioskIdentifyForm today={today} busy={identify.isPending} error={identify.error} onIdentify={(input) => identify.mutate(input, { onSuccess: setPerson })} />
      </Stack>
    </Card>
  );
}

function Thanks({ name, onDone }: { name: string; onDone: () => void }) {
  const [left, setLeft] = useState(THANKS_SECONDS);
  useInterval(() => setLeft((s) => s - 1), 1000, { autoInvoke: true });
  useEffect(() => {
    if (left <= 0) onDone();
  }, [left, onDone]);
  return (
    <Card withBorder radius="lg" className={classes.card} maw={640} mx="auto" role="status">
      <Stack gap="lg" align="center" ta="center">
        <IconCircleCheck size={88} color="var(--mantine-color-teal-7)" aria-hidden />
        <Title order={1} className={classes.greeting}>
          Thank you, {name}
        </Title>
        <Text size="xl">Your check-in was sent to your care team.</Text>
        <Progress value={(left / THANKS_SECONDS) * 100} w="100%" size="sm" color="indigo.3" aria-hidden transitionDuration={900} />
        <Text c="dimmed" size="lg">
          This screen starts over in {Math.max(left, 0)} seconds.
        </Text>
        <Button size="xl" onClick={onDone} fullWidth>
          Done
        </Button>
      </Stack>
    </Card>
  );
}
