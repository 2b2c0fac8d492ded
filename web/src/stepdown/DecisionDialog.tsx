import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDoorExit } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { errorSentence } from '../api/error-messages.ts';
import { FormAlert } from '../shell/States.tsx';
import { approvalEffect, proposalLabel } from './step-down-labels.ts';
import type { Evaluation, StepDownDecisionResult } from './step-down-types.ts';
import { useDecideStepDown } from './useStepDown.ts';

export interface Proposal {
  episodeId: string;
  patientId: string;
  patientName: string;
  phaseName: string;
  evaluation: Evaluation;
}

/** Refusals of a decision that need more than the generic sentence. */
function decisionError(error: unknown): string {
  if (error instanceof ApiError && error.code === 'proposal_changed') return 'The evidence changed since this list was loaded and the proposal no longer holds. The list has been refreshed.';
  if (error instanceof ApiError && error.code === 'already_decided') return 'Someone has already decided this proposal. The list has been refreshed.';
  return errorSentence(error);
}

/** The discharge workflow on the chart, opened for this episode. */
export function dischargeLink(patientId: string, episodeId: string): string {
  return `/patients/${patientId}?tab=episode&discharge=${episodeId}`;
}

/**
 * Approve or decline a proposal. Declining needs a reason; approving a "complete" (or a
 * referral to a higher level) offers the discharge workflow next.
 */
export function DecisionDialog({ proposal, decision, onClose }: { proposal: Proposal | null; decision: 'approved' | 'declined'; onClose: () => void }) {
  return (
    <Modal
      opened={proposal !== null}
      onClose={onClose}
      centered
      size="lg"
      title={<Text fw={700}>{proposal ? `${decision === 'approved' ? 'Approve' : 'Decline'}: ${proposal.patientName}` : ''}</Text>}
    >
      {proposal && <DecisionForm key={`${proposal.episodeId}-${decision}`} proposal={proposal} decision={decision} onClose={onClose} />}
    </Modal>
  );
}

function DecisionForm({ proposal: p, decision, onClose }: { proposal: Proposal; decision: 'approved' | 'declined'; onClose: () => void }) {
  const navigate = useNavigate();
  const decide = useDecideStepDown(p.episodeId, p.patientId);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [result, setResult] = useState<StepDownDecisionResult | null>(null);
  const move = proposalLabel(p.evaluation, p.phaseName);
  const direction = p.evaluation.direction;

  const send = () => {
    if (decision === 'declined' && !reason.trim()) {
      setReasonError('Say why the proposal is declined.');
      return;
    }
    if (!direction) return;
    decide.mutate(
      { weekStart: p.evaluation.weekStart, direction, decision, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: (r) => {
          if (decision === 'approved' && r.nextStep !== 'none') {
            setResult(r);
            return;
          }
          notifications.show({ color: 'teal', title: decision === 'approved' ? 'Approved' : 'Declined', message: `${p.patientName}: ${move}.` });
          onClose();
        },
      },
    );
  };

  if (result) {
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" title="Approved">
          {result.nextStep === 'discharge'
            ? `${p.patientName} has completed the program. Discharge now to write the discharge summary and the aftercare plan.`
            : `${p.patientName} needs a higher level of care. Once the referral is arranged, discharge as transferred to a higher level of care.`}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Later
          </Button>
          <Button leftSection={<IconDoorExit size={18} aria-hidden />} onClick={() => navigate(dischargeLink(p.patientId, p.episodeId))} data-autofocus>
            Open the discharge workflow
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Text size="sm">
        <b>{move}</b> ({p.evaluation.concerns.length > 0 ? 'proposed because of the concerns shown' : 'every criterion met'}).
      </Text>
      {decision === 'approved' && <Text size="sm">{approvalEffect(p.evaluation)}</Text>}
      <Textarea
        label={decision === 'declined' ? 'Reason for declining' : 'Note (optional)'}
        required={decision === 'declined'}
        autosize
        minRows={2}
        value={reason}
        error={reasonError}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setReasonError(null);
        }}
        data-autofocus
      />
      <FormAlert message={decide.error ? decisionError(decide.error) : null} title={decision === 'approved' ? 'Not approved' : 'Not declined'} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={decide.isPending}>
          Cancel
        </Button>
        <Button color={decision === 'approved' ? 'teal' : 'red'} loading={decide.isPending} onClick={send}>
          {decision === 'approved' ? 'Approve' : 'Decline'}
        </Button>
      </Group>
    </Stack>
  );
}
