import { Alert, Button, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { errorSentence, fieldSentence } from '../api/error-messages.ts';
import { answersToSubmit, askedItems, itemIndexOfPath, questionList, unansweredItems } from './instrument-answers.ts';
import type { Answers, InstrumentDefinition, InstrumentItem } from './instrument-types.ts';
import classes from './InstrumentForm.module.css';

export interface InstrumentFormProps {
  definition: InstrumentDefinition;
  /** Every asked item answered; items the skip logic hides are null. */
  onSubmit: (answers: Answers) => void;
  submitting?: boolean;
  /**
   * The last refusal: a sentence, or the API error itself, whose `answers[i]` problems are
   * shown beside the questions they name.
   */
  error?: unknown;
  submitLabel?: string;
  /** Shown above the submit button (staff entry: when it was given). */
  beforeSubmit?: ReactNode;
  onCancel?: () => void;
}

const NO_ANSWERS: Answers = [];

/**
 * Any standard instrument as a form: the instructions, then each asked item numbered with
 * its published answers as a radio group. Hidden items (skip logic) are sent as null;
 * nothing is sent until every asked item has an answer.
 */
export function InstrumentForm(props: InstrumentFormProps) {
  // Another instrument starts with no answers and no errors.
  return <Questions key={props.definition.id} {...props} />;
}

function Questions({ definition, onSubmit, submitting = false, error, submitLabel = 'Send my answers', beforeSubmit, onCancel }: InstrumentFormProps) {
  const idBase = useId();
  const [answers, setAnswers] = useState<Answers>(NO_ANSWERS);
  const [itemErrors, setItemErrors] = useState<Record<number, string>>({});
  const [missingAlert, setMissingAlert] = useState<string | null>(null);
  const asked = useMemo(() => askedItems(definition, answers), [definition, answers]);
  const askedCount = asked.filter(Boolean).length;
  const answeredCount = definition.items.filter((_, i) => asked[i] && answers[i] != null).length;
  const itemId = (i: number) => `${idBase}-item-${i}`;

  const focusItem = (i: number) => {
    const item = document.getElementById(itemId(i));
    item?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    item?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus({ preventScroll: true });
  };

  // A refusal from the server: its item problems go beside their questions.
  const general = useMemo(() => generalMessage(error), [error]);
  useEffect(() => {
    if (!(error instanceof ApiError)) return;
    const fromServer: Record<number, string> = {};
    for (const problem of error.fieldProblems) {
      const i = itemIndexOfPath(problem.path);
      if (i !== null && i < definition.items.length) fromServer[i] = fieldSentence(problem.message);
    }
    setItemErrors(fromServer);
    const first = Object.keys(fromServer).map(Number).sort((a, b) => a - b)[0];
    if (first !== undefined) focusItem(first);
  }, [error, definition]);

  const choose = (i: number, item: InstrumentItem, key: string) => {
    const option = item.options.find((o) => String(o.value) === key);
    if (!option) return;
    const next = definition.items.map((_, j) => (j === i ? option.value : (answers[j] ?? null)));
    setAnswers(next);
    setItemErrors((errors) => {
      const { [i]: _, ...rest } = errors;
      return rest;
    });
    if (missingAlert && unansweredItems(definition, next).length === 0) setMissingAlert(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const missing = unansweredItems(definition, answers);
    if (missing.length > 0) {
      setItemErrors(Object.fromEntries(missing.map((i) => [i, 'Choose an answer.'])));
      setMissingAlert(`Answer ${questionList(missing.map((i) => definition.items[i]!.number))} before sending.`);
      focusItem(missing[0]!);
      return;
    }
    setMissingAlert(null);
    onSubmit(answersToSubmit(definition, answers));
  };

  return (
    <form onSubmit={submit} noValidate aria-label={definition.name}>
      <Stack gap="md">
        <Stack gap={4}>
          <Text fw={600} size="lg">
            {definition.instructions}
          </Text>
          {definition.timeframe && !definition.instructions.toLowerCase().includes(definition.timeframe.toLowerCase()) && (
            <Text c="dimmed">{capitalize(definition.timeframe)}</Text>
          )}
        </Stack>
        {definition.items.map((item, i) =>
          asked[i] ? (
            <ItemQuestion
              key={item.number}
              id={itemId(i)}
              item={item}
              value={answers[i] == null ? '' : String(answers[i])}
              error={itemErrors[i] ?? null}
              onChange={(key) => choose(i, item, key)}
            />
          ) : null,
        )}
        {beforeSubmit}
        {(missingAlert ?? general) && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Not sent" role="alert">
            {missingAlert ?? general}
          </Alert>
        )}
        <Group justify="space-between" gap="sm" align="center">
          <Text c="dimmed" aria-live="polite">
            {answeredCount} of {askedCount} answered
          </Text>
          <Group gap="sm" style={{ flex: '1 1 14rem' }} justify="flex-end">
            {onCancel && (
              <Button variant="default" size="lg" onClick={onCancel} disabled={submitting}>
                Cancel
              </Button>
            )}
            <Button type="submit" size="lg" loading={submitting} style={{ flex: '1 1 12rem', maxWidth: '22rem' }}>
              {submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function ItemQuestion({ id, item, value, error, onChange }: { id: string; item: InstrumentItem; value: string; error: string | null; onChange: (key: string) => void }) {
  const n = item.options.length;
  const longest = Math.max(...item.options.map((o) => o.label.length));
  // Side by side once the form is wide enough and the labels are short; stacked on a phone
  // (two short answers such as Yes / No stay side by side).
  const wide = longest <= 40 ? Math.min(n, 5) : 1;
  const narrow = n === 2 && longest <= 12 ? 2 : 1;
  return (
    <div id={id} className={classes.item} data-error={error ? true : undefined}>
      <Radio.Group
        value={value}
        onChange={onChange}
        label={
          <>
            {/* A real space, so the group's name reads "9. Thoughts that…" */}
            <span className={classes.number}>{item.number}.</span> {item.text}
          </>
        }
        error={error}
        inputWrapperOrder={['label', 'error', 'input']}
        classNames={{ label: classes.question, error: classes.error }}
      >
        <SimpleGrid type="container" cols={{ base: narrow, '34rem': wide }} spacing="xs" verticalSpacing="xs">
          {item.options.map((option) => (
            <Radio
              key={String(option.value)}
              value={String(option.value)}
              label={option.label}
              size="md"
              classNames={{ root: classes.option, body: classes.optionBody, inner: classes.optionInner, labelWrapper: classes.optionLabelWrapper, label: classes.optionLabel }}
            />
          ))}
        </SimpleGrid>
      </Radio.Group>
    </div>
  );
}

function generalMessage(error: unknown): string | null {
  if (error == null || error === false) return null;
  if (typeof error === 'string') return error || null;
  if (error instanceof ApiError && error.code === 'invalid_answers') return 'Some answers could not be accepted. Check the questions marked below.';
  return errorSentence(error);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
