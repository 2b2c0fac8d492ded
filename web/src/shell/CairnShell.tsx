import { AppShell, Box, Burger, Button, Group, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { Link, Outlet, useLocation } from 'react-router';
import { ROLE_LABELS } from '../../../src/staff/roles.ts';
import { AlertHeaderBell, AlertNavBadge } from '../alerts/AlertNavBadge.tsx';
import { permissions } from '../auth/permissions.ts';
import { useMe, useSignOut } from '../auth/session.tsx';
import { Brand } from './Brand.tsx';
import { NAV_ITEMS, isActive } from './navigation.ts';
import classes from './CairnShell.module.css';

/**
 * The signed-in frame: header with the organization, the person and sign-out; navigation
 * by role, behind a burger below the md breakpoint (tablets in portrait, phones).
 */
export function CairnShell() {
  const me = useMe();
  const signOut = useSignOut();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const roleNames = me.roles.map((r) => ROLE_LABELS[r]).join(', ');

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="lg">
      <a href="#main" className={classes.skipLink}>
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} aria-expanded={opened} aria-controls="cairn-navbar" />
            <UnstyledButton component={Link} to="/" aria-label="Cairn home" className={classes.brandLink}>
              <Brand />
            </UnstyledButton>
            <Text fw={500} c="dimmed" truncate="end" className={classes.orgName} title={me.organization.name}>
              {me.organization.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {permissions.handleAlerts(me) && (
              <Box hiddenFrom="md">
                <AlertHeaderBell />
              </Box>
            )}
            <Box visibleFrom="sm" ta="right" miw={0}>
              <Text size="sm" fw={600} truncate="end" maw={220}>
                {me.fullName}
              </Text>
              <Text size="xs" c="dimmed" truncate="end" maw={220}>
                {roleNames}
              </Text>
            </Box>
            <Button variant="default" leftSection={<IconLogout size={18} aria-hidden />} onClick={() => void signOut('signed_out')}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="cairn-navbar" component="nav" aria-label="Main">
        <AppShell.Section grow>
          {NAV_ITEMS.filter((item) => item.visible(me)).map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
              rightSection={item.to === '/alerts' ? <AlertNavBadge /> : undefined}
              active={isActive(item, location.pathname)}
              aria-current={isActive(item, location.pathname) ? 'page' : undefined}
              onClick={close}
              className={classes.navLink}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section hiddenFrom="sm" pt="sm" className={classes.navFooter}>
          <Text size="sm" fw={600}>
            {me.fullName}
          </Text>
          <Text size="xs" c="dimmed">
            {roleNames}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
