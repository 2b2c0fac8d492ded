/** Badge props for long text (a flag, a proposal): it wraps on a phone instead of being cut off. */
export const WRAPPING = { h: 'auto', py: 3, styles: { label: { whiteSpace: 'normal', overflow: 'visible' } } } as const;
