import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from './usePageTitle.ts';

/** Set after the first page renders; later pages were reached by navigating inside the app. */
const arrivedByNavigation = { current: false };

interface PageProps {
  title: string;
  /** document.title when it should differ from the heading */
  documentTitle?: string;
  description?: ReactNode;
  back?: { to: string; label: string };
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * A page inside the app shell: the heading (focused on arrival, so screen readers announce
 * the new page), an optional way back, and actions on the right.
 */
export function Page({ title, documentTitle, description, back, actions, children }: PageProps) {
  usePageTitle(documentTitle ?? title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Not on the first page after loading: there, Tab should reach the skip link first.
    if (arrivedByNavigation.current) heading.current?.focus({ preventScroll: true });
    arrivedByNavigation.current = true;
  }, [title]);

  return (
    <Stack gap="lg" maw={1200} mx="auto" w="100%">
      <Stack gap={4}>
        {back && (
          <Anchor component={Link} to={back.to} size="sm" w="fit-content" py={4} className="cairn-touch-link">
            <Group gap={4} wrap="nowrap">
              <IconChevronLeft size={16} aria-hidden />
              {back.label}
            </Group>
          </Anchor>
        )}
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 320px' }}>
            <Title order={1} size="h2" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
              {title}
            </Title>
            {description && (
              <Text c="dimmed" size="sm">
                {description}
              </Text>
            )}
          </Stack>
          {actions && <Group gap="sm">{actions}</Group>}
        </Group>
      </Stack>
      {children}
    </Stack>
  );
}
