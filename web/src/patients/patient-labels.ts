/** Words for patient demographics codes. */
import type { GenderIdentity, PatientSummary, Residence, SexAtBirth } from '../api/types.ts';

export const SEX_AT_BIRTH_LABELS: Record<SexAtBirth, string> = {
  female: 'Female',
  male: 'Male',
  intersex: 'Intersex',
  unknown: 'Unknown',
};

export const GENDER_LABELS: Record<GenderIdentity, string> = {
  woman: 'Woman',
  man: 'Man',
  transgender_woman: 'Transgender woman',
  transgender_man: 'Transgender man',
  nonbinary: 'Nonbinary',
  other: 'Other',
  not_disclosed: 'Prefers not to say',
};

export const RESIDENCE_LABELS: Record<Residence, string> = {
  home: 'Home',
  sober_living: 'Sober living / recovery residence',
  other: 'Other',
};

export const LANGUAGE_OPTIONS = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Spanish' },
  { value: 'zh', label: 'Chinese' },
  { value: 'vi', label: 'Vietnamese' },
  { value: 'ar', label: 'Arabic' },
  { value: 'fr', label: 'French' },
  { value: 'ht', label: 'Haitian Creole' },
  { value: 'ru', label: 'Russian' },
  { value: 'pt', label: 'Portuguese' },
  { value: 'other', label: 'Other' },
];

export const RELATIONSHIP_OPTIONS = ['Parent', 'Spouse or partner', 'Sibling', 'Child', 'Friend', 'Sponsor', 'Case manager', 'Other'];

export const SPECIALTY_OPTIONS = [
  { value: 'lgbtq', label: 'LGBTQ+' },
  { value: 'trauma', label: 'Trauma-focused' },
  { value: 'veterans', label: 'Veterans' },
  { value: 'pregnant_postpartum', label: 'Pregnant or postpartum' },
  { value: 'co_occurring', label: 'Co-occurring disorders' },
  { value: 'young_adult', label: 'Young adults' },
];

export function label<T extends string>(labels: Record<T, string>, value: string | null | undefined): string {
  if (!value) return '—';
  return (labels as Record<string, string>)[value] ?? value;
}

/** "Alex (Alexandra) Rivera": preferred name first, legal given name after it when different. */
export function displayName(p: { legalGivenName: string; legalFamilyName: string; preferredName?: string | null }): string {
  const preferred = p.preferredName?.trim();
  if (preferred && preferred.toLowerCase() !== p.legalGivenName.trim().toLowerCase()) return `${preferred} (${p.legalGivenName}) ${p.legalFamilyName}`;
  return `${p.legalGivenName} ${p.legalFamilyName}`;
}

export const MATCHED_BY_LABELS: Record<NonNullable<PatientSummary['matchedBy']>, string> = {
  name: 'Name',
  mrn: 'MRN',
  date_of_birth: 'Date of birth',
};
