import { Alert, Button, Card, Group, Radio, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { applyServerError } from '../api/form-errors.ts';
import type { Organization, OrganizationInput } from '../api/types.ts';
import { ME_KEY, useMe } from '../auth/session.tsx';
import { Page } from '../shell/Page.tsx';
import { ErrorState, FormAlert, SectionLoader } from '../shell/States.tsx';

const ORG_KEY = ['organization'] as const;

export function OrganizationPage() {
  const organization = useQuery({ queryKey: ORG_KEY, queryFn: () => api.get<Organization>('/api/organization') });
  return (
    <Page title="Organization settings" description="Settings that apply to every facility and staff member.">
      {organization.isPending ? (
        <SectionLoader label="Loading settings" />
      ) : organization.isError ? (
        <ErrorState error={organization.error} onRetry={() => void organization.refetch()} />
      ) : (
        <OrganizationForm key={JSON.stringify(organization.data)} organization={organization.data} />
      )}
    </Page>
  );
}

interface Values {
  name: string;
  requireTotp: boolean;
  asamEdition: '3' | '4';
}

function OrganizationForm({ organization }: { organization: Organization }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { name: organization.name, requireTotp: organization.requireTotp, asamEdition: organization.asamEdition === '4' ? '4' : '3' },
    validate: { name: (v) => (v.trim() ? null : 'Enter the organization’s name.') },
  });

  const save = useMutation({
    mutationFn: (input: OrganizationInput) => api.put<Organization>('/api/organization', input),
    onSuccess: (saved) => {
      queryClient.setQueryData(ORG_KEY, saved);
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
      void queryClient.invalidateQueries({ queryKey: ['levels-of-care'] });
      notifications.show({ color: 'teal', title: 'Settings saved', message: 'The organization settings are up to date.' });
    },
    onError: (e) => setError(applyServerError(form, e, ['name', 'requireTotp', 'asamEdition'])),
  });

  const turningOnTotp = form.values.requireTotp && !organization.requireTotp;
  const changingEdition = form.values.asamEdition !== organization.asamEdition;

  return (
    <Card withBorder padding="lg" radius="md">
      <form
        onSubmit={form.onSubmit((v) => {
          setError(null);
          save.mutate({ name: v.name.trim(), requireTotp: v.requireTotp, asamEdition: v.asamEdition });
        })}
        noValidate
      >
        <Stack gap="lg" maw={720}>
          <FormAlert message={error} />
          <TextInput label="Organization name" required {...form.getInputProps('name')} />

          <Stack gap="xs">
            <Switch
              size="md"
              label="Require an authenticator app for every staff member"
              description="Signing in then asks for a 6-digit code from a phone app as well as the password."
              {...form.getInputProps('requireTotp', { type: 'checkbox' })}
            />
            {turningOnTotp && (
              <Alert variant="light" color="yellow" icon={<IconInfoCircle aria-hidden />} role="note">
                Staff without an authenticator will be asked to set one up at their next sign-in, before they can do anything else.
                {!me.totpEnabled && ' That includes you: set yours up under My account first to avoid the interruption.'}
              </Alert>
            )}
          </Stack>

          <Radio.Group
            label="ASAM Criteria edition"
            description="The levels of care offered for new programs. Existing programs keep the edition they were defined in."
            {...form.getInputProps('asamEdition')}
          >
            <Stack gap="sm" mt="xs">
              <Radio value="3" label="3rd edition (2013)" description="Still what most payers cite." />
              <Radio value="4" label="4th edition (2023)" description="Adds 1.5, 1.7 and 2.7; 2.5 becomes high-intensity outpatient." />
            </Stack>
          </Radio.Group>
          {changingEdition && (
            <Alert variant="light" color="yellow" icon={<IconInfoCircle aria-hidden />} role="note">
              New programs will use levels of care from the {form.values.asamEdition === '4' ? '4th' : '3rd'} edition.
            </Alert>
          )}

          <Group>
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
            <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty() || save.isPending}>
              Undo changes
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
