import { Anchor, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconMessage, IconPhone } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { PortalQuestionnaireReceipt } from './portal-care-types.ts';
import classes from './Portal.module.css';

/**
 * Whether the answers put an alert in the care team's inbox: the server says so
 * (src/alerts/rules.ts `questionnaireAlerts`: PHQ-9 item 9 above 0, C-SSRS moderate or
 * high risk). A low-risk C-SSRS screen still shows 988 but promises no alert.
 */
export function careTeamAlerted(receipt: Pick<PortalQuestionnaireReceipt, 'careTeamAlerted'>): boolean {
  return receipt.careTeamAlerted;
}

/**
 * Shown at once when the answers touch on self-harm (PHQ-9 item 9, C-SSRS): the 988
 * Suicide & Crisis Lifeline and 911, as buttons that dial or text from the phone.
 * It does not say what the answers scored, and does not promise a call back: the care
 * team has been alerted (when an alert was raised), and help now is the Lifeline.
 */
export function CrisisResources({ alerted = false }: { alerted?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);
  return (
    <Paper ref={box} tabIndex={-1} radius="lg" p="lg" className={classes.crisis} role="alert" aria-labelledby="crisis-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="crisis-title" c="red.9">
          Help is available right now
        </Title>
        <Text size="lg" fw={600} lh={1.4}>
          If you are thinking about harming yourself, call or text 988 (Suicide &amp; Crisis Lifeline) now. It is free, private, and open 24 hours a day.
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Button component="a" href="tel:988" size="xl" color="red.8" leftSection={<IconPhone size={24} aria-hidden />}>
            Call 988
          </Button>
          <Button component="a" href="sms:988" size="xl" variant="outline" color="red.8" bg="white" leftSection={<IconMessage size={24} aria-hidden />}>
            Text 988
          </Button>
        </SimpleGrid>
        <Text size="lg" lh={1.4}>
          In an emergency, call{' '}
          <Anchor href="tel:911" fw={700} c="red.9" underline="always">
            911
          </Anchor>{' '}
          or go to the nearest emergency room.
        </Text>
        <Text>
          You can also chat with the Lifeline at{' '}
          <Anchor href="https://988lifeline.org/chat" target="_blank" rel="noreferrer" underline="always">
            988lifeline.org
          </Anchor>
          .
        </Text>
        <Text>
          {alerted
            ? 'Your answers have been sent to your care team, and the team has been alerted. If you need help now, do not wait for them to contact you.'
            : 'Your answers have been sent to your care team. If you need help now, do not wait for them to contact you.'}
        </Text>
      </Stack>
    </Paper>
  );
}
