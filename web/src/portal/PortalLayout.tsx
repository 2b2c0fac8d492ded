import { Box, Button, Container, Group, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Brand } from '../shell/Brand.tsx';
import classes from './Portal.module.css';

/** The portal frame: the Cairn mark, the clinic's name, and sign-out; no staff navigation. */
export function PortalLayout({ organization, onSignOut, children }: { organization?: string; onSignOut?: () => void; children: ReactNode }) {
  return (
    <Box className={classes.page}>
      <header className={classes.header}>
        <Container size={720} px="md">
          <Group justify="space-between" h={64} wrap="nowrap">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Brand />
              {organization && (
                <Text c="dimmed" fw={500} truncate="end" visibleFrom="xs">
                  {organization}
                </Text>
              )}
            </Group>
            {onSignOut && (
              <Button variant="default" size="md" px="sm" style={{ flexShrink: 0 }} leftSection={<IconLogout size={18} aria-hidden />} onClick={onSignOut}>
                Sign out
              </Button>
            )}
          </Group>
        </Container>
      </header>
      <Container size={720} px="md" py="lg" component="main" id="main">
        {children}
      </Container>
    </Box>
  );
}
