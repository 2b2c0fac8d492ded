import { Button } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { Link } from 'react-router';

/** The chart header's way to the progress page (scores, objectives, stay, step-down). */
export function ProgressLink({ patientId }: { patientId: string }) {
  return (
    <Button component={Link} to={`/patients/${patientId}/progress`} variant="light" leftSection={<IconChartLine size={18} aria-hidden />}>
      Progress
    </Button>
  );
}
