import { Button, Group, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useFormSubmit } from '../api/use-form-submit.ts';
import type { Facility, FacilityInput } from '../api/types.ts';
import { FormAlert } from '../shell/States.tsx';
import { US_STATES, WEEKDAYS, browserTimeZone, isPlausiblePhone, isValidNpi, timeZoneOptions } from './facility-fields.ts';

interface FacilityFormValues {
  name: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string | null;
  postalCode: string;
  timeZone: string | null;
  npi: string;
  phone: string;
  weekStartsOn: string;
  active: boolean;
}

const FIELDS = ['name', 'addressLine1', 'addressLine2', 'city', 'state', 'postalCode', 'timeZone', 'npi', 'phone', 'weekStartsOn', 'active'];

function valuesOf(facility?: Facility): FacilityFormValues {
  return {
    name: facility?.name ?? '',
    addressLine1: facility?.addressLine1 ?? '',
    addressLine2: facility?.addressLine2 ?? '',
    city: facility?.city ?? '',
    state: facility?.state ?? null,
    postalCode: facility?.postalCode ?? '',
    timeZone: facility?.timeZone ?? browserTimeZone(),
    npi: facility?.npi ?? '',
    phone: facility?.phone ?? '',
    weekStartsOn: String(facility?.weekStartsOn ?? 1),
    active: facility?.active ?? true,
  };
}

function inputOf(v: FacilityFormValues): FacilityInput {
  const optional = (s: string) => (s.trim() ? s.trim() : null);
  return {
    name: v.name.trim(),
    addressLine1: v.addressLine1.trim(),
    addressLine2: optional(v.addressLine2),
    city: v.city.trim(),
    state: v.state ?? '',
    postalCode: v.postalCode.trim(),
    timeZone: v.timeZone ?? '',
    npi: optional(v.npi),
    phone: optional(v.phone),
    weekStartsOn: Number(v.weekStartsOn),
    active: v.active,
  };
}

const required = (what: string) => (v: string | null) => (v && v.trim() ? null : `Enter the ${what}.`);

interface FacilityFormProps {
  facility?: Facility;
  submitLabel: string;
  onSubmit: (input: FacilityInput) => Promise<unknown>;
  onCancel: () => void;
}

export function FacilityForm({ facility, submitLabel, onSubmit, onCancel }: FacilityFormProps) {
  const form = useForm<FacilityFormValues>({
    initialValues: valuesOf(facility),
    validate: {
      name: required('facility’s name'),
      addressLine1: required('street address'),
      city: required('city'),
      state: (v) => (v ? null : 'Choose the state.'),
      postalCode: (v) => (/^[A-Za-z0-9 -]{3,12}$/.test(v.trim()) ? null : 'Enter the ZIP or postal code.'),
      timeZone: (v) => (v ? null : 'Choose the time zone.'),
      npi: (v) => {
        const npi = v.trim();
        if (!npi) return null;
        if (!/^\d{10}$/.test(npi)) return 'An NPI is 10 digits.';
        return isValidNpi(npi) ? null : 'This NPI’s check digit is wrong. Check the 10 digits.';
      },
      phone: (v) => (!v.trim() || isPlausiblePhone(v.trim()) ? null : 'Enter a phone number with 10 to 15 digits.'),
    },
  });
  const stateOptions = form.values.state && !US_STATES.some((s) => s.value === form.values.state) ? [...US_STATES, { value: form.values.state, label: form.values.state }] : US_STATES;

  const { busy, error, submit } = useFormSubmit(form, FIELDS, (values: FacilityFormValues) => onSubmit(inputOf(values)));

  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="md" maw={760}>
        <FormAlert message={error} />
        <TextInput label="Facility name" required {...form.getInputProps('name')} />
        <TextInput label="Street address" autoComplete="address-line1" required {...form.getInputProps('addressLine1')} />
        <TextInput label="Address line 2" description="Suite, floor or building (optional)" autoComplete="address-line2" {...form.getInputProps('addressLine2')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="City" autoComplete="address-level2" required {...form.getInputProps('city')} />
          <Select label="State" data={stateOptions} searchable required nothingFoundMessage="No state matches" {...form.getInputProps('state')} />
          <TextInput label="ZIP code" autoComplete="postal-code" required {...form.getInputProps('postalCode')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Time zone"
            description="Schedules and attendance days use this zone."
            data={timeZoneOptions(form.values.timeZone)}
            searchable
            required
            limit={50}
            nothingFoundMessage="No time zone matches"
            {...form.getInputProps('timeZone')}
          />
          <Select
            label="Week starts on"
            description="For weekly hours compliance."
            data={WEEKDAYS.map((d, i) => ({ value: String(i + 1), label: d }))}
            allowDeselect={false}
            {...form.getInputProps('weekStartsOn')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="NPI" description="Organization (type 2) NPI, 10 digits (optional)" inputMode="numeric" maxLength={10} {...form.getInputProps('npi')} />
          <TextInput label="Phone" type="tel" autoComplete="tel" description="Optional" {...form.getInputProps('phone')} />
        </SimpleGrid>
        {facility && (
          <Switch
            label="Active"
            description="Inactive facilities stay on record but take no new programs."
            size="md"
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
        )}
        <Group mt="sm">
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
