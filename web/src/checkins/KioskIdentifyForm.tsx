import { Alert, Button, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { isCalendarDate } from '../../../src/time/local-time.ts';
import { errorSentence } from '../api/error-messages.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Values {
  lastName: string;
  month: string;
  day: string;
  year: string;
}

/** 'YYYY-MM-DD' from the three fields, or null when they are not a real date. */
function dateOf(v: Values, today: string): string | null {
  if (!/^\d{4}$/.test(v.year) || !/^\d{1,2}$/.test(v.day) || !v.month) return null;
  const date = `${v.year}-${v.month.padStart(2, '0')}-${v.day.padStart(2, '0')}`;
  return isCalendarDate(date) && date >= '1900-01-01' && date <= today ? date : null;
}

/**
 * Who is checking in: last name and date of birth, typed on the tablet. The date is three
 * fields (month from a list, day, year), which a touch keyboard fills faster than a calendar.
 */
export function KioskIdentifyForm({ today, busy, error, onIdentify }: { today: string; busy: boolean; error: unknown; onIdentify: (input: { lastName: string; dateOfBirth: string }) => void }) {
  const form = useForm<Values>({
    initialValues: { lastName: '', month: '', day: '', year: '' },
    validate: {
      lastName: (v) => (v.trim() ? null : 'Type your last name.'),
      year: (v, values) => (dateOf(values, today) ? null : values.month && values.day && v ? 'This is not a date we can use. Check the day, month and year.' : 'Enter your date of birth: month, day and year.'),
    },
  });
  const dateError = form.errors['year'] ? String(form.errors['year']) : null;

  return (
    <form
      noValidate
      aria-label="Find my check-in"
      onSubmit={form.onSubmit((v) => {
        const dateOfBirth = dateOf(v, today);
        if (dateOfBirth) onIdentify({ lastName: v.lastName.trim(), dateOfBirth });
      })}
    >
      <Stack gap="xl">
        <TextInput label="Last name" size="xl" autoComplete="off" autoCapitalize="words" spellCheck={false} {...form.getInputProps('lastName')} data-autofocus />
        <Fieldset legend="Date of birth" variant="unstyled" styles={{ legend: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 700, marginBottom: 8, padding: 0 } }} p={0}>
          <Group gap="md" align="flex-start" wrap="wrap">
            <NativeSelect
              label="Month"
              size="xl"
              w={{ base: '100%', xs: 240 }}
              data={[{ value: '', label: 'Choose…' }, ...MONTHS.map((m, i) => ({ value: String(i + 1), label: m }))]}
              {...form.getInputProps('month')}
              error={Boolean(dateError)}
            />
            <TextInput label="Day" size="xl" w={110} inputMode="numeric" maxLength={2} autoComplete="off" placeholder="DD" {...form.getInputProps('day')} error={Boolean(dateError)} />
            <TextInput
              label="Year"
              size="xl"
              w={150}
              inputMode="numeric"
              maxLength={4}
              autoComplete="off"
              placeholder="YYYY"
              {...form.getInputProps('year')}
              error={Boolean(dateError)}
              aria-describedby={dateError ? 'kiosk-date-error' : undefined}
            />
          </Group>
          {dateError && (
            <Text id="kiosk-date-error" c="red.8" mt="xs" size="lg">
              {dateError}
            </Text>
          )}
        </Fieldset>
        {error != null && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Not found" role="alert" styles={{ title: { fontSize: 'var(--mantine-font-size-lg)' }, message: { fontSize: 'var(--mantine-font-size-lg)' } }}>
            {errorSentence(error)}
          </Alert>
        )}
        <Button type="submit" size="xl" loading={busy} rightSection={<IconArrowRight size={24} aria-hidden />}>
          Continue
        </Button>
      </Stack>
    </form>
  );
}
