import { Badge, Button, Select, Tabs } from '@mantine/core';
import { IconClipboardCheck, IconFileImport, IconFlask, IconListCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { Page } from '../shell/Page.tsx';
import { EmptyNote } from '../shell/States.tsx';
import { formatLongDate, todayIn } from '../time/dates.ts';
import { ForCauseDialog } from './ForCauseDialog.tsx';
import { Hl7Import } from './Hl7Import.tsx';
import { AwaitingResults, ReviewQueue } from './TestQueue.tsx';
import { TodayCollections } from './TodayCollections.tsx';
import { useFacilityChoice } from './useFacilityChoice.ts';
import { useAwaitingResults, useReviewQueue } from './useDrugTests.ts';

type Tab = 'today' | 'results' | 'review' | 'import';

/**
 * /drug-tests — the day's collections for collectors, then the result-entry worklist, the
 * medical review queue and laboratory imports, each for the roles that do that step.
 */
export function DrugTestsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const { choices, facilityId, timeZone, setFacility } = useFacilityChoice();
  const [ordering, setOrdering] = useState(false);
  const canCollect = permissions.collectDrugTests(me);
  const canEnter = permissions.enterDrugTestResults(me);
  const canReview = permissions.reviewDrugTests(me);
  const tabs: Tab[] = [...(canCollect ? (['today'] as const) : []), ...(canEnter ? (['results'] as const) : []), ...(canEnter || canReview ? (['review'] as const) : []), ...(canEnter ? (['import'] as const) : [])];
  const requested = params.get('tab') as Tab | null;
  // A reviewer's work is the queue; everyone else starts with the first step they take.
  const tab: Tab = requested && tabs.includes(requested) ? requested : canReview && !canCollect ? 'review' : (tabs[0] ?? 'today');
  const awaiting = useAwaitingResults(facilityId, canEnter);
  const review = useReviewQueue(facilityId, canEnter || canReview);

  const setTab = (value: string | null) => {
    const next = new URLSearchParams(params);
    next.set('tab', value ?? 'today');
    setParams(next, { replace: true });
  };

  return (
    <Page
      title="Drug tests"
      description={`${formatLongDate(todayIn(timeZone))} · today`}
      actions={
        <>
          {choices.length > 1 && (
            <Select aria-label="Facility" data={choices.map((f) => ({ value: f.facilityId, label: f.name }))} value={facilityId} onChange={setFacility} allowDeselect={false} w={240} />
          )}
          {permissions.orderForCause(me) && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} variant="default" onClick={() => setOrdering(true)}>
              Order a for-cause test
            </Button>
          )}
        </>
      }
    >
      {!facilityId ? (
        <EmptyNote title="No facility">You are not assigned to a facility. Ask an administrator to assign you.</EmptyNote>
      ) : tabs.length === 1 ? (
        // One step for this role (the front desk collects): no tabs to choose from.
        <TabContent tab={tab} facilityId={facilityId} timeZone={timeZone} canSign={canReview} />
      ) : (
        <Tabs value={tab} onChange={setTab} keepMounted={false} variant="outline">
          <Tabs.List>
            {tabs.includes('today') && (
              <Tabs.Tab value="today" leftSection={<IconFlask size={18} aria-hidden />}>
                Today’s collections
              </Tabs.Tab>
            )}
            {tabs.includes('results') && (
              <Tabs.Tab value="results" leftSection={<IconListCheck size={18} aria-hidden />} rightSection={<Count n={awaiting.data?.length} />}>
                Awaiting results
              </Tabs.Tab>
            )}
            {tabs.includes('review') && (
              <Tabs.Tab value="review" leftSection={<IconClipboardCheck size={18} aria-hidden />} rightSection={<Count n={review.data?.length} color="orange" />}>
                Review queue
              </Tabs.Tab>
            )}
            {tabs.includes('import') && (
              <Tabs.Tab value="import" leftSection={<IconFileImport size={18} aria-hidden />}>
                Laboratory import
              </Tabs.Tab>
            )}
          </Tabs.List>
          {tabs.map((t) => (
            <Tabs.Panel key={t} value={t} pt="lg">
              <TabContent tab={t} facilityId={facilityId} timeZone={timeZone} canSign={canReview} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
      <ForCauseDialog opened={ordering} facilityId={facilityId} onClose={() => setOrdering(false)} />
    </Page>
  );
}

function TabContent({ tab, facilityId, timeZone, canSign }: { tab: Tab; facilityId: string; timeZone: string; canSign: boolean }) {
  switch (tab) {
    case 'today':
      return <TodayCollections key={facilityId} facilityId={facilityId} timeZone={timeZone} />;
    case 'results':
      return <AwaitingResults facilityId={facilityId} timeZone={timeZone} />;
    case 'review':
      return <ReviewQueue facilityId={facilityId} timeZone={timeZone} canSign={canSign} />;
    case 'import':
      return <Hl7Import />;
  }
}

function Count({ n, color = 'blue' }: { n: number | undefined; color?: string }) {
  if (!n) return null;
  return (
    <Badge size="sm" circle={n < 10} color={color} aria-label={`${n} waiting`}>
      {n}
    </Badge>
  );
}

export function canOpenDrugTests(me: Parameters<typeof permissions.collectDrugTests>[0]): boolean {
  return permissions.collectDrugTests(me) || permissions.enterDrugTestResults(me) || permissions.reviewDrugTests(me);
}
