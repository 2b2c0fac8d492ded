import { Group, Text } from '@mantine/core';

/** The Cairn mark: three stacked stones. */
export function Brand({ size = 28 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false">
        <rect width="32" height="32" rx="7" fill="var(--mantine-color-indigo-7)" />
        <ellipse cx="16" cy="24" rx="10" ry="3.5" fill="#fff" />
        <ellipse cx="16" cy="17" rx="7" ry="3" fill="#fff" />
        <ellipse cx="16" cy="10.5" rx="4.5" ry="2.5" fill="#fff" />
      </svg>
      <Text fw={700} size="lg" c="indigo.9">
        Cairn
      </Text>
    </Group>
  );
}
