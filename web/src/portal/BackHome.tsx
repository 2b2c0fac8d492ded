import { Anchor, Group } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import { Link } from 'react-router';

/** The portal pages' way back to the patient's home. */
export function BackHome() {
  return (
    <Anchor component={Link} to="/portal" w="fit-content" py={6}>
      <Group gap={4} wrap="nowrap">
        <IconChevronLeft size={18} aria-hidden />
        Back to my home
      </Group>
    </Anchor>
  );
}
