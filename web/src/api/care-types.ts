/**
 * Code unions the server schemas declare as plain strings in their responses (sex at birth,
 * group type, attendance status…): the web narrows them for its label tables.
 */

export type SexAtBirth = 'female' | 'male' | 'intersex' | 'unknown';
export type GenderIdentity = 'woman' | 'man' | 'transgender_woman' | 'transgender_man' | 'nonbinary' | 'other' | 'not_disclosed';
export type Residence = 'home' | 'sober_living' | 'other';

export type GroupType = 'process' | 'psychoeducation' | 'relapse_prevention' | 'skills' | 'family' | 'twelve_step_facilitation' | 'specialty';

export type AttendanceStatus = 'present' | 'late' | 'left_early' | 'excused_absence' | 'unexcused_absence';
