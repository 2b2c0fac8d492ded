/** How instruments, bands and flags read and look on the progress page. */
import type { DueInstrumentView, InstrumentBand, InstrumentId } from './instrument-types.ts';

/** Fallback names while the definitions load (the definitions carry the published names). */
export const INSTRUMENT_SHORT_NAMES: Record<InstrumentId, string> = {
  phq9: 'PHQ-9',
  gad7: 'GAD-7',
  audit: 'AUDIT',
  audit_c: 'AUDIT-C',
  dast10: 'DAST-10',
  bam: 'BAM',
  cssrs_screener: 'C-SSRS screener',
};

/** Charts in this order: mood first, then substance use, then the risk screener. */
export const INSTRUMENT_ORDER: readonly InstrumentId[] = ['phq9', 'gad7', 'bam', 'audit', 'audit_c', 'dast10', 'cssrs_screener'];

export const DUE_REASON_LABELS: Record<DueInstrumentView['reason'], string> = {
  admission: 'At admission',
  periodic: 'Periodic',
  discharge: 'Before discharge',
};

interface FlagLabel {
  text: string;
  /** For tables: the instrument is already named. */
  short: string;
  /** Needs action today (suicide risk): shown red. */
  safety: boolean;
}

/** Flag codes from the scorers (src/instruments/scoring.ts FLAGS) as a clinician reads them. */
const FLAG_LABELS: Record<string, FlagLabel> = {
  phq9_item9_positive: { text: 'PHQ-9 item 9 positive: same-day suicide risk assessment', short: 'Item 9 positive', safety: true },
  cssrs_high_risk: { text: 'C-SSRS high risk', short: 'High risk', safety: true },
  cssrs_moderate_risk: { text: 'C-SSRS moderate risk', short: 'Moderate risk', safety: true },
  cssrs_low_risk: { text: 'C-SSRS low risk: wish to be dead or suicidal thoughts', short: 'Low risk', safety: true },
  gad7_positive_screen: { text: 'GAD-7 positive screen', short: 'Positive screen', safety: false },
  audit_c_positive: { text: 'AUDIT-C positive', short: 'Positive', safety: false },
  bam_use_positive: { text: 'BAM: use in the past 30 days', short: 'Use', safety: false },
  bam_risk_elevated: { text: 'BAM: risk factors elevated (12 or more)', short: 'Risk ≥ 12', safety: false },
  bam_protective_low: { text: 'BAM: protective factors low (12 or less)', short: 'Protective ≤ 12', safety: false },
};

export function flagLabel(flag: string): FlagLabel {
  const text = flag.replace(/_/g, ' ');
  return FLAG_LABELS[flag] ?? { text, short: text, safety: flag.startsWith('cssrs_') };
}

/** Low to high severity, so any number of bands spreads from calm to alarming. */
const BAND_PALETTE = ['teal', 'lime', 'yellow', 'orange', 'red'] as const;

/** The Mantine colour of a band by its place among the instrument's bands. */
export function bandColor(bands: readonly InstrumentBand[], key: string | null): string {
  const index = bands.findIndex((b) => b.key === key);
  if (index < 0) return 'gray';
  if (bands.length === 1) return BAND_PALETTE[0];
  return BAND_PALETTE[Math.round((index * (BAND_PALETTE.length - 1)) / (bands.length - 1))]!;
}

/** BAM subscales (VA scoring: use, risk, protective). */
export const BAM_SUBSCALES: readonly { key: string; label: string; color: string; hint: string }[] = [
  { key: 'use', label: 'Use', color: 'var(--mantine-color-red-6)', hint: 'items 4–6; lower is better' },
  { key: 'risk', label: 'Risk factors', color: 'var(--mantine-color-orange-6)', hint: 'lower is better' },
  { key: 'protective', label: 'Protective factors', color: 'var(--mantine-color-teal-7)', hint: 'higher is better' },
];
