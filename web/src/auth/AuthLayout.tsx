import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Brand } from '../shell/Brand.tsx';
import { usePageTitle } from '../shell/usePageTitle.ts';

/** The frame of the pages outside the app: sign-in, first-run setup, invitations. */
export function AuthLayout({ title, subtitle, children, width = 440 }: { title: string; subtitle?: ReactNode; children: ReactNode; width?: number }) {
  usePageTitle(title);
  return (
    <Center mih="100vh" bg="gray.0" p="md" component="main">
      <Box w="100%" maw={width}>
        <Stack gap="lg">
          <Center>
            <Brand size={36} />
          </Center>
          <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
            <Stack gap="lg">
              <Stack gap={6}>
                <Title order={1} size="h3">
                  {title}
                </Title>
                {subtitle && (
                  <Text c="dimmed" size="sm" component="div">
                    {subtitle}
                  </Text>
                )}
              </Stack>
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Box>
    </Center>
  );
}
