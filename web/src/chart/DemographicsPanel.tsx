import { Button, Card, Divider, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { Patient } from '../api/types.ts';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { useFacilities } from '../facilities/useFacilities.ts';
import { PatientForm } from '../patients/PatientForm.tsx';
import { GENDER_LABELS, label, LANGUAGE_OPTIONS, RESIDENCE_LABELS, SEX_AT_BIRTH_LABELS, SPECIALTY_OPTIONS } from '../patients/patient-labels.ts';
import { useSavePatient } from '../patients/usePatients.ts';
import { Fact } from '../shell/Fact.tsx';
import { formatDate, formatTime, weekdayName } from '../time/dates.ts';
import { PortalInvitePanel } from './PortalInvitePanel.tsx';

/** The chart's Demographics tab: the intake sheet read-only, with Edit for registrars. */
export function DemographicsPanel({ patient: p }: { patient: Patient }) {
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const facilities = useFacilities();
  const save = useSavePatient(p.patientId);
  const canEdit = permissions.registerPatients(me);

  if (editing) {
    return (
      <PatientForm
        patient={p}
        facilities={(facilities.data ?? []).filter((f) => f.active || f.facilityId === p.facilityId)}
        defaultFacilityId={p.facilityId}
        submitLabel="Save demographics"
        onCancel={() => setEditing(false)}
        onSubmit={async (input) => {
          await save.mutateAsync(input);
          notifications.show({ color: 'teal', title: 'Saved', message: 'Demographics updated.' });
          setEditing(false);
        }}
      />
    );
  }

  const address = p.address ? [p.address.line1, p.address.line2, `${p.address.city}, ${p.address.state} ${p.address.postalCode}`].filter(Boolean).join(', ') : '—';
  const language = LANGUAGE_OPTIONS.find((l) => l.value === p.language)?.label ?? p.language;
  const specialties = p.specialtyPopulations.map((s) => SPECIALTY_OPTIONS.find((o) => o.value === s)?.label ?? s).join(', ');

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" radius="md">
        <Group justify="space-between" mb="md">
          <Title order={2} size="h4">
            Demographics
          </Title>
          {canEdit && (
            <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setEditing(true)}>
              Edit demographics
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Fact name="Legal name">
            {p.legalGivenName} {p.legalFamilyName}
          </Fact>
          <Fact name="Preferred name">{p.preferredName ?? '—'}</Fact>
          <Fact name="Pronouns">{p.pronouns ?? '—'}</Fact>
          <Fact name="Date of birth">{formatDate(p.dateOfBirth)}</Fact>
          <Fact name="Sex assigned at birth">{label(SEX_AT_BIRTH_LABELS, p.sexAtBirth)}</Fact>
          <Fact name="Gender identity">{label(GENDER_LABELS, p.genderIdentity)}</Fact>
          <Fact name="Language">{language}</Fact>
          <Fact name="Facility">{p.facilityName}</Fact>
          <Fact name="Phone">{p.phone ?? '—'}</Fact>
          <Fact name="E-mail">{p.email ?? '—'}</Fact>
          <Fact name="Address">{address}</Fact>
          <Fact name="Lives at">
            {label(RESIDENCE_LABELS, p.residence)}
            {p.residenceNote && (
              <Text size="xs" c="dimmed">
                {p.residenceNote}
              </Text>
            )}
          </Fact>
          <Fact name="Emergency contact">
            {p.emergencyContact ? `${p.emergencyContact.name} (${p.emergencyContact.relationship})${p.emergencyContact.phone ? `, ${p.emergencyContact.phone}` : ''}` : '—'}
          </Fact>
          <Fact name="Support persons">
            {p.supportPersons.length === 0 ? '—' : p.supportPersons.map((s) => <div key={s.name}>{`${s.name} (${s.relationship})${s.phone ? `, ${s.phone}` : ''}`}</div>)}
          </Fact>
          <Fact name="Specialty populations">{specialties || '—'}</Fact>
        </SimpleGrid>
      </Card>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="dx-heading">
          <Title order={2} size="h4" id="dx-heading" mb="sm">
            Diagnoses
          </Title>
          {p.diagnoses.length === 0 ? (
            <Text size="sm" c="dimmed">
              None recorded.
            </Text>
          ) : (
            <Table verticalSpacing="xs">
              <Table.Tbody>
                {p.diagnoses.map((d) => (
                  <Table.Tr key={d.code}>
                    <Table.Td ff="monospace" fw={600} w={90}>
                      {d.code}
                    </Table.Td>
                    <Table.Td>
                      {d.description}
                      {d.primary && (
                        <Text span size="xs" c="indigo.8" fw={700} ml={6}>
                          PRIMARY
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="avail-heading">
          <Title order={2} size="h4" id="avail-heading" mb="sm">
            Work and school hours
          </Title>
          {p.availability.length === 0 ? (
            <Text size="sm" c="dimmed">
              None recorded.
            </Text>
          ) : (
            <Stack gap={4}>
              {[...p.availability]
                .sort((a, b) => a.dayOfWeek - b.dayOfWeek || a.start.localeCompare(b.start))
                .map((w) => (
                  <Text size="sm" key={`${w.dayOfWeek}-${w.start}`}>
                    <b>{weekdayName(w.dayOfWeek)}</b> {formatTime(w.start)}–{formatTime(w.end)} · {w.label}
                  </Text>
                ))}
            </Stack>
          )}
        </Card>
      </SimpleGrid>

      {permissions.invitePatients(me) && (
        <Card withBorder padding="lg" radius="md">
          <PortalInvitePanel patient={p} />
        </Card>
      )}
      <Divider label={`Registered ${formatDate(p.createdAt.slice(0, 10))}`} labelPosition="left" />
    </Stack>
  );
}
