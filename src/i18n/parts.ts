// English is bundled, but in two parts: app.js carries the strings the first paint can show, and the
// draft checker's, frameworks' and settings notice's families come with their deferred chunk (scripts/build.ts splits
// translations/en.json, which stays the one source). Other languages load whole.
const LATER_FAMILIES = new Set(['draft', 'severity', 'category', 'element', 'fix', 'gate', 'fw', 'slot', 'settings']);

/** True for a key shown only by the deferred panels (`fw.title` → family `fw`). */
export function loadsLater(key: string): boolean {
  return LATER_FAMILIES.has(key.slice(0, key.indexOf('.')));
}
