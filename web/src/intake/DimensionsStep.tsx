import { Badge, Group, Paper, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { KeyboardEvent } from 'react';
import type { IntakeFormValues } from './intake-form.ts';
import { ratingColor } from './intake-labels.ts';
import type { PlacementDimension } from './intake-types.ts';

interface DimensionsStepProps {
  form: UseFormReturnType<IntakeFormValues>;
  dimensions: PlacementDimension[];
}

/**
 * Step 1: the six assessment dimensions, each rated 0–4 against its anchors, with notes.
 * Keyboard: Tab reaches each dimension's ratings once; arrow keys or the digits 0–4 choose.
 */
export function DimensionsStep({ form, dimensions }: DimensionsStepProps) {
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Rate the risk in each dimension from 0 (none) to 4 (severe or imminent). Tip: with a rating focused, type 0–4 or use the arrow keys.
      </Text>
      {dimensions.map((dimension, index) => (
        <DimensionCard key={dimension.number} form={form} index={index} dimension={dimension} />
      ))}
    </Stack>
  );
}

function DimensionCard({ form, index, dimension }: { form: UseFormReturnType<IntakeFormValues>; index: number; dimension: PlacementDimension }) {
  const path = `dimensions.${index}.rating`;
  const rating = form.values.dimensions[index]?.rating ?? '';
  const error = form.errors[path];
  const name = `dimension-${dimension.number}`;

  const onDigit = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!/^[0-4]$/.test(event.key)) return;
    event.preventDefault();
    form.setFieldValue(path, event.key);
    form.clearFieldError(path);
    document.querySelector<HTMLElement>(`[role="radio"][name="${name}"][data-rating="${event.key}"]`)?.focus();
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={`Dimension ${dimension.number}`}>
      <Radio.Group
        name={name}
        value={rating}
        onChange={(value) => {
          form.setFieldValue(path, value);
          form.clearFieldError(path);
        }}
        label={
          <Group gap="sm" component="span">
            <span>
              {dimension.number}. {dimension.name}
            </span>
            {rating !== '' && (
              <Badge color={ratingColor(Number(rating))} variant="light" component="span">
                Rated {rating}
              </Badge>
            )}
          </Group>
        }
        styles={{ label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 700, marginBottom: 'var(--mantine-spacing-xs)' } }}
        error={error}
        onKeyDown={onDigit}
      >
        <SimpleGrid cols={{ base: 1, sm: 5 }} spacing="xs">
          {dimension.anchors.map((anchor) => {
            const value = String(anchor.rating);
            const checked = rating === value;
            const focusable = checked || (rating === '' && anchor.rating === 0);
            return (
              <Radio.Card
                key={anchor.rating}
                value={value}
                radius="md"
                p="xs"
                tabIndex={focusable ? 0 : -1}
                data-rating={value}
                aria-label={`${anchor.rating}, ${anchor.label}: ${anchor.text}`}
                style={{
                  display: 'flex',
                  alignItems: 'flex-start',
                  ...(checked ? { borderColor: `var(--mantine-color-${ratingColor(anchor.rating)}-6)`, background: `var(--mantine-color-${ratingColor(anchor.rating)}-light)` } : {}),
                }}
              >
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Radio.Indicator color={ratingColor(anchor.rating)} mt={2} />
                  <Stack gap={0}>
                    <Text fw={700} size="sm">
                      {anchor.rating} · {anchor.label}
                    </Text>
                    <Text size="xs" c="dimmed" lh={1.35}>
                      {anchor.text}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            );
          })}
        </SimpleGrid>
      </Radio.Group>
      <Textarea
        mt="sm"
        label="Notes"
        placeholder="What supports this rating"
        autosize
        minRows={1}
        maxRows={6}
        {...form.getInputProps(`dimensions.${index}.notes`)}
      />
    </Paper>
  );
}
