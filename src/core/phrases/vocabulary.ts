// The draft checker's vocabulary, shared by the engine and the schema (kept free of zod so the
// sidebar can compile built-in rules without bundling a validator).
export const CATEGORIES = [
  'policy-wall', 'helpless', 'dismissive', 'blame', 'commanding', 'repetition', 'canned',
  'over-apology', 'condescending', 'minimizing', 'but-cancel', 'idiom', 'long-sentence',
] as const;
export const ELEMENTS = ['acknowledgment', 'next-step', 'owner', 'time-window', 'choice', 'follow-up'] as const;
export const SEVERITIES = ['hint', 'warning', 'severe'] as const;

export type Category = (typeof CATEGORIES)[number];
export type ElementId = (typeof ELEMENTS)[number];
export type Severity = (typeof SEVERITIES)[number];
