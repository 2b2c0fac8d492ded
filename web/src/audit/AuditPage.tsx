import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { AuditQuery } from '../api/types.ts';
import { Page } from '../shell/Page.tsx';
import { EmptyNote, ErrorState, SectionLoader } from '../shell/States.tsx';
import { useStaffList } from '../staff/useStaff.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';
import { useAuditSearch } from './useAudit.ts';
import { VerifyChain } from './VerifyChain.tsx';

export function AuditPage() {
  const [{ filters, run }, setSearch] = useState<{ filters: AuditQuery; run: number }>({ filters: {}, run: 0 });
  const staff = useStaffList();
  const search = useAuditSearch(filters, run);
  const events = search.data?.pages.flatMap((p) => p.events) ?? [];

  return (
    <Page title="Audit log" description="Who looked at or changed what, when and from where. Newest first. Searching is itself recorded.">
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="audit-integrity">
        <Stack gap="xs">
          <Title order={2} size="h4" id="audit-integrity">
            Integrity
          </Title>
          <Text size="sm" c="dimmed">
            Each event is chained to the one before it by a hash, so a changed or deleted event breaks the chain.
          </Text>
          <VerifyChain />
        </Stack>
      </Card>

      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="audit-search">
        <Title order={2} size="h4" id="audit-search" mb="sm">
          Search
        </Title>
        <AuditFilters staff={staff.data ?? []} onSearch={(q) => setSearch((s) => ({ filters: q, run: s.run + 1 }))} />
      </Card>

      <Card withBorder padding={0} radius="md" component="section" aria-label="Audit events">
        {search.isPending ? (
          <SectionLoader label="Searching the audit log" />
        ) : search.isError ? (
          <Card.Section p="md">
            <ErrorState error={search.error} onRetry={() => void search.refetch()} />
          </Card.Section>
        ) : events.length === 0 ? (
          <EmptyNote title="No events match these filters" />
        ) : (
          <>
            <AuditTable events={events} />
            <Group justify="space-between" p="md">
              <Text size="sm" c="dimmed" aria-live="polite">
                Showing {events.length} {events.length === 1 ? 'event' : 'events'}
              </Text>
              {search.hasNextPage && (
                <Button variant="default" loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
                  Load more
                </Button>
              )}
            </Group>
          </>
        )}
      </Card>
    </Page>
  );
}
