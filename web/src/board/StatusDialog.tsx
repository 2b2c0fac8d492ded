import { Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { AttendanceInput, AttendanceStatus } from '../api/types.ts';
import { ATTENDANCE_LABELS } from '../attendance/attendance-labels.ts';

export interface StatusRequest {
  status: AttendanceStatus;
  needsMinutes: boolean;
  needsReason: boolean;
  sessionMinutes: number;
  /** "Alex Rivera, Morning process group" */
  what: string;
}

/** Asks for what a status change needs: minutes (late or left early without times) and a reason (after the day). */
export function StatusDialog({ request, onCancel, onConfirm }: { request: StatusRequest; onCancel: () => void; onConfirm: (input: AttendanceInput) => void }) {
  const [minutes, setMinutes] = useState<number | string>(Math.max(0, request.sessionMinutes - 15));
  const [reason, setReason] = useState('');
  const minutesOk = !request.needsMinutes || (typeof minutes === 'number' && minutes >= 0 && minutes <= request.sessionMinutes);
  const reasonOk = !request.needsReason || reason.trim().length > 0;
  const label = ATTENDANCE_LABELS[request.status].label;
  return (
    <Modal opened onClose={onCancel} title={<Text fw={700}>Mark {label.toLowerCase()}</Text>} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!minutesOk || !reasonOk) return;
          onConfirm({
            status: request.status,
            ...(request.needsMinutes ? { minutesAttended: Number(minutes) } : {}),
            ...(request.needsReason ? { reason: reason.trim() } : {}),
          });
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{request.what}</Text>
          {request.needsMinutes && (
            <NumberInput
              label="Minutes attended"
              description={`The session is ${request.sessionMinutes} minutes long.`}
              min={0}
              max={request.sessionMinutes}
              allowDecimal={false}
              value={minutes}
              onChange={setMinutes}
              error={minutesOk ? undefined : `Enter 0 to ${request.sessionMinutes}.`}
              data-autofocus
              size="md"
            />
          )}
          {request.needsReason && (
            <Textarea
              label="Reason for the correction"
              description="The session’s day is over, so this change is recorded as a correction."
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-autofocus={!request.needsMinutes || undefined}
              size="md"
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" size="md" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" size="md" disabled={!minutesOk || !reasonOk}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
