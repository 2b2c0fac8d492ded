import { Stack } from '@mantine/core';
import type { Patient } from '../api/types.ts';
import { ChartAlerts } from '../alerts/ChartAlerts.tsx';
import { ChartCheckins } from '../checkins/ChartCheckins.tsx';
import { ChartDrugTests } from '../drugtests/ChartDrugTests.tsx';
import { ChartMedications } from '../medications/ChartMedications.tsx';
import { MonitoringAttendance } from './MonitoringAttendance.tsx';

/**
 * The chart's Monitoring tab (issue 5: "a clinician can see, on one chart, a patient's
 * attendance, tests, check-ins, medications and open alerts"): open alerts first, then
 * attendance, daily check-ins, drug tests and medications.
 */
export function ChartMonitoringPanel({ patient, onOpenHours }: { patient: Patient; onOpenHours: () => void }) {
  return (
    <Stack gap="lg">
      <ChartAlerts patientId={patient.patientId} />
      <MonitoringAttendance patient={patient} onOpenHours={onOpenHours} />
      <ChartCheckins patient={patient} />
      <ChartDrugTests patient={patient} />
      <ChartMedications patient={patient} />
    </Stack>
  );
}
