import { Alert, Button, Card, FileButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileImport, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { errorSentence } from '../api/error-messages.ts';
import type { Hl7ImportResult } from './drug-test-types.ts';
import { OutcomeBadge } from './DrugTestDetailView.tsx';
import { useImportHl7 } from './useDrugTests.ts';

/** HL7 v2 separates segments with a carriage return; pasted or saved text often has line feeds. */
export function normaliseSegments(text: string): string {
  return text.trim().replace(/\r\n|\n|\r/g, '\r');
}

/** Where the server says the message is wrong: `{ segment, sequence, field, message }` → "OBX 11 · OBX-5: not a number". */
function problemOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || !error.details || typeof error.details !== 'object') return null;
  const d = error.details as { segment?: unknown; sequence?: unknown; field?: unknown; message?: unknown };
  const segment = typeof d.segment === 'string' ? `${d.segment}${typeof d.sequence === 'number' ? ` ${d.sequence}` : ''}` : null;
  const field = typeof d.field === 'string' ? d.field : null;
  const where = [segment, field].filter(Boolean).join(' · ');
  const what = typeof d.message === 'string' ? d.message : null;
  if (!where && !what) return null;
  return where && what ? `${where}: ${what}` : (where || what);
}

/** The test a duplicate message was imported into. */
function duplicateOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'hl7_duplicate' || !error.details || typeof error.details !== 'object') return null;
  const testId = (error.details as { testId?: unknown }).testId;
  return typeof testId === 'string' ? testId : null;
}

/** Import a laboratory's ORU^R01 result message: pasted, or chosen as a file. All or nothing. */
export function Hl7Import() {
  const importer = useImportHl7();
  const [message, setMessage] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [empty, setEmpty] = useState(false);
  const [result, setResult] = useState<Hl7ImportResult | null>(null);

  const choose = async (file: File | null) => {
    if (!file) return;
    setMessage(await file.text());
    setFileName(file.name);
    setResult(null);
    importer.reset();
  };
  const send = () => {
    if (!message.trim()) {
      setEmpty(true);
      return;
    }
    setResult(null);
    importer.mutate(normaliseSegments(message), {
      onSuccess: (r) => {
        // Cleared so the same message is not sent twice by a second click.
        setResult(r);
        setMessage('');
        setFileName(null);
      },
    });
  };
  const duplicateTest = duplicateOf(importer.error);
  // A resend is not malformed: the server's sentence names the control id instead.
  const problem = importer.error ? (duplicateTest && importer.error instanceof ApiError ? importer.error.message : problemOf(importer.error)) : null;

  return (
    <Card withBorder padding="lg" radius="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Paste a laboratory result message (HL7 v2 ORU^R01) or choose the file the laboratory sent. The specimen id and the patient’s MRN must match a collected test;
          nothing is imported unless the whole message can be read.
        </Text>
        <Group gap="sm">
          <FileButton onChange={(f) => void choose(f)} accept=".hl7,.txt,.oru,.dat,text/plain">
            {(props) => (
              <Button variant="default" leftSection={<IconUpload size={18} aria-hidden />} {...props}>
                Choose a file
              </Button>
            )}
          </FileButton>
          {fileName && (
            <Text size="sm" c="dimmed">
              {fileName}
            </Text>
          )}
        </Group>
        <Textarea
          label="HL7 message"
          placeholder={'MSH|^~\\&|LAB|…\nPID|1||MRN…\nOBR|1|…\nOBX|1|…'}
          autosize
          minRows={8}
          maxRows={20}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          value={message}
          error={empty ? 'Paste a message or choose a file.' : undefined}
          onChange={(e) => {
            setMessage(e.currentTarget.value);
            setEmpty(false);
            setFileName(null);
          }}
        />
        {importer.error && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Not imported" role="alert">
            <Stack gap={4}>
              <Text size="sm">{errorSentence(importer.error)}</Text>
              {problem && (
                <Text size="sm" ff={duplicateTest ? undefined : 'monospace'}>
                  {problem}
                </Text>
              )}
              {duplicateTest && (
                <Button component={Link} to={`/drug-tests/${duplicateTest}`} size="xs" variant="white" color="red" w="fit-content">
                  Open the test it was imported into
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {result && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Imported" role="status">
            <Group gap="sm">
              <Text size="sm">
                {result.results.length} {result.results.length === 1 ? 'reading' : 'readings'} saved
                {result.skipped.length > 0 ? ` (${result.skipped.length} ${result.skipped.length === 1 ? 'line' : 'lines'} without a result skipped)` : ''}.
              </Text>
              <OutcomeBadge outcome={result.outcome} size="sm" />
              <Button component={Link} to={`/drug-tests/${result.testId}`} size="xs" variant="light">
                Open the test
              </Button>
            </Group>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button leftSection={<IconFileImport size={18} aria-hidden />} loading={importer.isPending} onClick={send}>
            Import results
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
