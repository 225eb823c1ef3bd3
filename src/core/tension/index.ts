// Tension: how escalated a customer is, and why, in their own words. Pure: rules come in as arguments.
// compileTensionRules is the zod-free runtime path (the app bundle); loadTensionRules validates first.
export { classifyMessage, type Level, type ReasonId, type Span, type Reason, type MessageVerdict } from './classify';
export { classifyThread, type ThreadMessage, type ThreadVerdict } from './thread';
export { compileTensionRules, withThresholds, DEFAULT_THRESHOLDS, type CompileOptions, type TensionRules } from './rules';
export { packTensionRules, unpackTensionRules, type PackedTensionRules } from './packed';
// Runtime face (no zod, so the sidebar ships no validator); validation is ./validate.ts.
export type { TensionSeed } from './schema';
