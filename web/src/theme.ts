import { createTheme } from '@mantine/core';

/**
 * Mantine's default look with an indigo primary. Filled colors use shade 8, so white text
 * stays above 4.5:1 (WCAG AA): indigo.8 is 5.7:1 and red.8 4.5:1; the default shade 6
 * gives 4.3:1 and 3.3:1.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 6 },
  focusRing: 'auto',
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    Notification: { defaultProps: { withBorder: true } },
  },
});
