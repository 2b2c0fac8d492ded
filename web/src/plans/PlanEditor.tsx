import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useWindowEvent } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPlus, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { applyServerError } from '../api/form-errors.ts';
import type { ClinicianOption } from '../staff/useClinicians.ts';
import { FormAlert } from '../shell/States.tsx';
import { focusSoon, ListError } from './editor-parts.tsx';
import { contentOf, newProblem, type NewRowDefaults, planCounts, type PlanFormValues } from './plan-form.ts';
import { withContentPaths } from './plan-errors.ts';
import { ProblemEditor } from './ProblemEditor.tsx';
import { SignDialog } from './SignDialog.tsx';
import { useSaveDraft, useSignPlan } from './usePlan.ts';

interface PlanEditorProps {
  episodeId: string;
  initial: PlanFormValues;
  /** "Version 3 (draft)", "Revision of version 2" */
  heading: string;
  defaults: NewRowDefaults;
  phases: { value: string; label: string }[];
  staff: ClinicianOption[];
  signerName: string;
  onClose: () => void;
}

function focusFirstInvalid() {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('form [aria-invalid="true"]');
    field?.focus();
    field?.scrollIntoView({ block: 'center' });
  });
}

/** Problems → goals → objectives → interventions; save as a draft, or save and sign. */
export function PlanEditor({ episodeId, initial, heading, defaults, phases, staff, signerName, onClose }: PlanEditorProps) {
  const form = useForm<PlanFormValues>({ initialValues: initial });
  const saveDraft = useSaveDraft(episodeId);
  const sign = useSignPlan(episodeId);
  const [error, setError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [signing, setSigning] = useState(false);
  const busy = saveDraft.isPending || sign.isPending;

  useWindowEvent('beforeunload', (event) => {
    if (form.isDirty() && !busy) event.preventDefault();
  });

  const refused = (e: unknown) => {
    setError(applyServerError(form, withContentPaths(e), ['content.']) ?? 'See the messages beside the fields.');
    focusFirstInvalid();
  };

  const save = async () => {
    setError(null);
    form.clearErrors();
    try {
      const version = await saveDraft.mutateAsync(contentOf(form.values));
      form.resetDirty();
      setSavedAt(new Date().toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' }));
      return version;
    } catch (e) {
      refused(e);
      return null;
    }
  };

  const saveAndSign = async () => {
    const version = await save();
    if (!version) {
      setSigning(false);
      return;
    }
    try {
      await sign.mutateAsync(version.version);
      setSigning(false);
      notifications.show({ color: 'teal', title: 'Plan signed', message: `Version ${version.version} now waits for the patient’s signature in the portal.` });
      onClose();
    } catch (e) {
      setSigning(false);
      refused(e);
    }
  };

  const addProblem = () => {
    const problem = newProblem(defaults);
    form.insertListItem('content.problems', problem);
    focusSoon(`statement-${problem.problemId}`);
  };

  const close = () => {
    if (form.isDirty() && !window.confirm('Leave without saving your changes?')) return;
    onClose();
  };

  const counts = planCounts(form.values.content);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack gap="md">
        <Group justify="space-between">
          <Stack gap={0}>
            <Text fw={700} size="lg">
              {heading}
            </Text>
            <Text size="sm" c="dimmed">
              {counts.problems} {counts.problems === 1 ? 'problem' : 'problems'}, {counts.goals} {counts.goals === 1 ? 'goal' : 'goals'}, {counts.objectives}{' '}
              {counts.objectives === 1 ? 'objective' : 'objectives'}
            </Text>
          </Stack>
        </Group>
        {form.values.content.problems.map((problem, index) => (
          <ProblemEditor key={problem.problemId} form={form} problem={problem} index={index} count={form.values.content.problems.length} defaults={defaults} phases={phases} staff={staff} />
        ))}
        <ListError form={form} path="content.problems" />
        <Button variant="default" leftSection={<IconPlus size={18} aria-hidden />} onClick={addProblem} w="fit-content">
          Add problem
        </Button>
        <FormAlert message={error} />
        <Group
          justify="space-between"
          wrap="nowrap"
          gap="xs"
          py="sm"
          style={{ position: 'sticky', bottom: 0, zIndex: 2, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          <Button variant="subtle" color="gray" onClick={close} disabled={busy} px="xs">
            Close
          </Button>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed" role="status" visibleFrom="sm">
              {form.isDirty() ? 'Unsaved changes' : savedAt ? `Draft saved at ${savedAt}` : ''}
            </Text>
            <Button type="submit" variant="default" px="sm" loading={saveDraft.isPending && !signing} disabled={busy} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
              Save draft
            </Button>
            <Button onClick={() => setSigning(true)} px="sm" disabled={busy} leftSection={<IconSignature size={18} aria-hidden />}>
              <Box component="span" visibleFrom="xs">
                Save and sign…
              </Box>
              <Box component="span" hiddenFrom="xs">
                Sign…
              </Box>
            </Button>
          </Group>
        </Group>
      </Stack>
      <SignDialog opened={signing} busy={busy} signerName={signerName} onCancel={() => setSigning(false)} onSign={() => void saveAndSign()} />
    </form>
  );
}
