import { Button, Card, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useWindowEvent } from '@mantine/hooks';
import type { ReactNode } from 'react';
import type { Facility, Patient, PatientInput } from '../api/types.ts';
import { useFormSubmit } from '../api/use-form-submit.ts';
import { FormAlert } from '../shell/States.tsx';
import { todayIn } from '../time/dates.ts';
import { AvailabilityEditor } from './AvailabilityEditor.tsx';
import { DiagnosesEditor } from './DiagnosesEditor.tsx';
import { inputOf, PATIENT_FIELDS, patientValidation, valuesOf, type PatientFormValues } from './patient-form.ts';
import { GENDER_LABELS, LANGUAGE_OPTIONS, RESIDENCE_LABELS, SEX_AT_BIRTH_LABELS, SPECIALTY_OPTIONS } from './patient-labels.ts';
import { PeopleEditor } from './PeopleEditor.tsx';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

function focusFirstInvalid() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());
}

interface PatientFormProps {
  patient?: Patient;
  facilities: Facility[];
  defaultFacilityId: string | null;
  onSubmit: (input: PatientInput) => Promise<unknown>;
  onCancel: () => void;
  submitLabel: string;
  /** Shown between the form's alert and its buttons (the possible-duplicate panel). */
  notice?: ReactNode;
}

/** Registration and demographics: every PatientInput field, grouped as an intake sheet. */
export function PatientForm({ patient, facilities, defaultFacilityId, onSubmit, onCancel, submitLabel, notice }: PatientFormProps) {
  const today = todayIn(facilities.find((f) => f.facilityId === (patient?.facilityId ?? defaultFacilityId))?.timeZone);
  const form = useForm<PatientFormValues>({ initialValues: valuesOf(patient, { facilityId: defaultFacilityId }), validate: patientValidation(today) });
  const { busy, error, setError, submit } = useFormSubmit(form, PATIENT_FIELDS, (v: PatientFormValues) => onSubmit(inputOf(v)), {
    fieldsOnlyMessage: 'Not saved: see the messages beside the fields.',
    afterError: focusFirstInvalid,
  });
  useWindowEvent('beforeunload', (event) => {
    if (form.isDirty() && !busy) event.preventDefault();
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        (v) => void submit(v),
        () => {
          setError('Some fields need attention: see the messages beside them.');
          focusFirstInvalid();
        },
      )}
    >
      <Stack gap="lg">
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="identity-heading">
          <Title order={2} size="h4" id="identity-heading" mb="sm">
            Identity
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <TextInput label="Legal given name" required autoComplete="off" {...form.getInputProps('legalGivenName')} />
            <TextInput label="Legal family name" required autoComplete="off" {...form.getInputProps('legalFamilyName')} />
            <TextInput label="Preferred name" description="What staff call the patient" {...form.getInputProps('preferredName')} />
            <TextInput label="Date of birth" type="date" required max={today} min="1900-01-01" {...form.getInputProps('dateOfBirth')} />
            <Select label="Sex assigned at birth" required data={options(SEX_AT_BIRTH_LABELS)} {...form.getInputProps('sexAtBirth')} />
            <Select label="Gender identity" required data={options(GENDER_LABELS)} {...form.getInputProps('genderIdentity')} />
            <TextInput label="Pronouns" placeholder="she/her, he/him, they/them…" {...form.getInputProps('pronouns')} />
            <Select label="Preferred language" data={LANGUAGE_OPTIONS} allowDeselect={false} {...form.getInputProps('language')} />
            {!patient && (
              <TextInput label="MRN" description="Leave empty to assign the next number" styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} {...form.getInputProps('mrn')} />
            )}
          </SimpleGrid>
        </Card>

        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="where-heading">
          <Title order={2} size="h4" id="where-heading" mb="sm">
            Facility, contact and residence
          </Title>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              <Select
                label="Facility"
                required
                data={facilities.map((f) => ({ value: f.facilityId, label: f.name }))}
                allowDeselect={false}
                {...form.getInputProps('facilityId')}
              />
              <TextInput label="Phone" type="tel" autoComplete="off" {...form.getInputProps('phone')} />
              <TextInput label="E-mail" type="email" autoComplete="off" description="Also used for the patient portal" {...form.getInputProps('email')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label="Street address" autoComplete="off" {...form.getInputProps('address.line1')} />
              <TextInput label="Apartment, suite (optional)" autoComplete="off" {...form.getInputProps('address.line2')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <TextInput label="City" autoComplete="off" {...form.getInputProps('address.city')} />
              <TextInput label="State" autoComplete="off" {...form.getInputProps('address.state')} />
              <TextInput label="ZIP code" autoComplete="off" {...form.getInputProps('address.postalCode')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select label="Lives at" required data={options(RESIDENCE_LABELS)} allowDeselect={false} {...form.getInputProps('residence')} />
              <Textarea label="Residence note" autosize minRows={1} placeholder="House name, curfew, house manager…" {...form.getInputProps('residenceNote')} />
            </SimpleGrid>
          </Stack>
        </Card>

        <Card withBorder padding="lg" radius="md">
          <PeopleEditor form={form} />
        </Card>

        <Card withBorder padding="lg" radius="md">
          <AvailabilityEditor form={form} />
        </Card>

        <Card withBorder padding="lg" radius="md">
          <Stack gap="lg">
            <DiagnosesEditor form={form} />
            <MultiSelect
              label="Specialty populations"
              description="Used for group eligibility, such as a trauma-focused or LGBTQ+ group."
              data={[...SPECIALTY_OPTIONS, ...form.values.specialtyPopulations.filter((v) => !SPECIALTY_OPTIONS.some((o) => o.value === v)).map((v) => ({ value: v, label: v }))]}
              clearable
              {...form.getInputProps('specialtyPopulations')}
            />
          </Stack>
        </Card>

        {notice ?? <FormAlert message={error} />}
        <Group>
          <Button type="submit" size="md" loading={busy}>
            {submitLabel}
          </Button>
          <Button variant="default" size="md" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
