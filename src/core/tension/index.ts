// Tension: how escalated a customer is, and why, in their own words. Pure: rules come in as arguments.
export { classifyMessage, type Level, type ReasonId, type Span, type Reason, type MessageVerdict } from './classify';
export { classifyThread, type ThreadMessage, type ThreadVerdict } from './thread';
export { loadTensionRules, DEFAULT_THRESHOLDS, type TensionRules } from './rules';
export { TensionSeedSchema, TensionRuleSchema, type TensionSeed } from './schema';
