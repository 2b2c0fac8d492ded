/** Alert and on-call API shapes, derived from the server's schemas (type-only). */
import type { Static } from 'typebox';
import type { AlertRule } from '../../../src/alerts/rules.ts';
import type {
  AlertCounts as AlertCountsSchema,
  AlertList as AlertListSchema,
  AlertView as AlertViewSchema,
  InboxState as InboxStateSchema,
  OnCallInput as OnCallInputSchema,
  OnCallRoster as OnCallRosterSchema,
  OnCallShift as OnCallShiftSchema,
} from '../../../src/alerts/alerts.schemas.ts';

export type { AlertRule };
export type AlertView = Static<typeof AlertViewSchema>;
export type AlertSeverity = AlertView['severity'];
export type AlertState = AlertView['state'];
export type RecipientReason = AlertView['recipients'][number]['reason'];
export type AlertList = Static<typeof AlertListSchema>;
/** GET /api/alerts/counts: the caller's inbox, for the navigation badge. */
export type AlertCounts = Static<typeof AlertCountsSchema>;
export type InboxState = Static<typeof InboxStateSchema>;
export type InboxScope = 'mine' | 'facility';

export type OnCallShift = Static<typeof OnCallShiftSchema>;
export type OnCallRoster = Static<typeof OnCallRosterSchema>;
export type OnCallInput = Static<typeof OnCallInputSchema>;
