// App settings: parsed with defaults and field-level problems. Pure: settings come in as arguments.
export { readSettings, DEFAULT_SETTINGS, DEFAULT_TAG_PREFIX, DRAFT_GATES, type DraftGate, type Problem, type Settings } from './settings';
