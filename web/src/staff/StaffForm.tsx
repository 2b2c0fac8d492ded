import { Button, Checkbox, Group, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { COMMON_CREDENTIALS, ROLE_LABELS, STAFF_ROLES } from '../../../src/staff/roles.ts';
import { useFormSubmit } from '../api/use-form-submit.ts';
import type { Facility, StaffInput, StaffMember, StaffRole } from '../api/types.ts';
import { EMAIL_PATTERN } from '../auth/password-rules.ts';
import { FormAlert } from '../shell/States.tsx';

interface StaffFormValues {
  fullName: string;
  email: string;
  credentials: string[];
  roles: string[];
  facilityIds: string[];
}

const FIELDS = ['fullName', 'email', 'credentials', 'roles', 'facilityIds'];
const CREDENTIAL = /^[A-Za-z][A-Za-z0-9.-]*$/;

const ROLE_HINTS: Record<StaffRole, string> = {
  admin: 'Organization, facilities, staff accounts, audit log',
  clinical_director: 'Programs and oversight at their facilities',
  clinician: 'Counselors and therapists',
  medical: 'Medications, dosing, drug-test review',
  admissions: 'Inquiries, screening, intake',
  billing: 'Payers, authorizations, claims',
  front_desk: 'Check-in, drug-test collection',
};

interface StaffFormProps {
  member?: StaffMember;
  facilities: Facility[];
  /** Editing your own account: the administrator role cannot be removed. */
  isSelf?: boolean;
  submitLabel: string;
  onSubmit: (input: StaffInput) => Promise<unknown>;
  onCancel: () => void;
}

export function StaffForm({ member, facilities, isSelf = false, submitLabel, onSubmit, onCancel }: StaffFormProps) {
  const form = useForm<StaffFormValues>({
    initialValues: {
      fullName: member?.fullName ?? '',
      email: member?.email ?? '',
      credentials: member?.credentials ?? [],
      roles: member?.roles ?? [],
      facilityIds: member?.facilityIds ?? [],
    },
    validate: {
      fullName: (v) => (v.trim() ? null : 'Enter the full name.'),
      email: (v) => (EMAIL_PATTERN.test(v.trim()) ? null : 'Enter a valid e-mail address.'),
      credentials: (v) => (v.every((c) => CREDENTIAL.test(c) && c.length <= 20) ? null : 'Credentials are short codes such as LCSW or RN: letters, digits, dots and hyphens.'),
      roles: (v) => (v.length > 0 ? null : 'Choose at least one role.'),
    },
  });
  const isAdmin = form.values.roles.includes('admin');

  const { busy, error, submit } = useFormSubmit(form, FIELDS, (v: StaffFormValues) =>
    onSubmit({
      fullName: v.fullName.trim(),
      email: v.email.trim(),
      credentials: [...new Set(v.credentials.map((c) => c.trim()))],
      roles: v.roles as StaffRole[],
      facilityIds: v.facilityIds,
    }),
  );

  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="md" maw={820}>
        <FormAlert message={error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Full name" required autoComplete="off" {...form.getInputProps('fullName')} />
          <TextInput label="E-mail" type="email" required autoComplete="off" description="They sign in with this address." {...form.getInputProps('email')} />
        </SimpleGrid>
        <TagsInput
          label="Credentials"
          description="Licences and certifications. Pick from the list or type one and press Enter."
          data={[...COMMON_CREDENTIALS]}
          maxTags={10}
          clearable
          splitChars={[',', ' ']}
          {...form.getInputProps('credentials')}
        />
        <Checkbox.Group label="Roles" description="What this person does; each role opens different parts of Cairn." required {...form.getInputProps('roles')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="sm">
            {STAFF_ROLES.map((role) => (
              <Checkbox
                key={role}
                value={role}
                label={ROLE_LABELS[role]}
                description={role === 'admin' && isSelf ? 'You cannot remove your own administrator role.' : ROLE_HINTS[role]}
                disabled={role === 'admin' && isSelf && member?.roles.includes('admin')}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Checkbox.Group
          label="Facilities"
          description={isAdmin ? 'Administrators see every facility; assignments still record where they work.' : 'They see patients and programs at these facilities only.'}
          {...form.getInputProps('facilityIds')}
        >
          {facilities.length === 0 ? (
            <Text size="sm" c="dimmed" mt="xs">
              No facilities yet. You can assign them after creating one.
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="sm">
              {facilities.map((f) => (
                <Checkbox key={f.facilityId} value={f.facilityId} label={f.active ? f.name : `${f.name} (inactive)`} />
              ))}
            </SimpleGrid>
          )}
        </Checkbox.Group>
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
