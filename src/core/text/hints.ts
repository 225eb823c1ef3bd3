// Helpers for admin-facing messages: "did you mean" suggestions and readable paths into settings.

/** The nearest candidate, ignoring case, within two edits (fewer for short words); null when none is close. */
export function didYouMean(value: string, candidates: readonly string[]): string | null {
  const v = value.toLowerCase();
  let best: string | null = null;
  let bestDistance = Math.min(2, Math.floor(value.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(v, c.toLowerCase());
    if (d < bestDistance && c !== value) [best, bestDistance] = [c, d];
  }
  // "free-text" → "text": one name inside the other counts when the shorter has four letters or more.
  return best ?? candidates.find((c) => Math.min(c.length, v.length) >= 4 && c !== value && (v.includes(c.toLowerCase()) || c.toLowerCase().includes(v))) ?? null;
}

/** `didYouMean` for callers that prefer undefined. */
export const closest = (value: string, candidates: readonly string[]): string | undefined => didYouMean(value, candidates) ?? undefined;

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** `phrase_rules` + ['add', 0, 'category'] → `phrase_rules.add[0].category`. */
export const pathOf = (base: string, path: readonly PropertyKey[]): string =>
  path.reduce<string>((at, p) => at + (typeof p === 'number' ? `[${p}]` : /^[\w-]+$/.test(String(p)) ? `${at ? '.' : ''}${String(p)}` : `[${JSON.stringify(String(p))}]`), base);
