// One-click fixes edit the agent's draft in place: only the flagged words change, every tag and
// entity around them stays as it was. The draft is HTML in rich mode, so we find the same words in
// the HTML's text (entities decoded, tags as boundaries) and splice there.
import { decodeEntities } from './html';

/** Which occurrence of `needle` in `text` starts at `start` (0 = first), or -1. */
export function occurrenceAt(text: string, needle: string, start: number): number {
  if (!needle || text.slice(start, start + needle.length) !== needle) return -1;
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1 && i < start; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Where the `nth` non-overlapping occurrence of `needle` starts, or -1. */
export function nthIndexOf(text: string, needle: string, nth: number): number {
  let i = needle ? text.indexOf(needle) : -1;
  for (let n = 0; i !== -1 && n < nth; n++) i = text.indexOf(needle, i + needle.length);
  return i;
}

const ENTITY = /^&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/i;

/**
 * Replaces the `nth` occurrence of `needle` (as the agent reads it) in `html` with `replacement`
 * (plain text, escaped here). Returns null when the words cross formatting or are not found.
 */
export function replaceInHtml(html: string, needle: string, nth: number, replacement: string): string | null {
  // Decoded characters, each with the span of HTML it came from.
  // Tags are left out of the searched text (so occurrences count as the agent reads them) but
  // remembered, so that a match crossing formatting is refused rather than mangled.
  const chars: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const afterTag: boolean[] = [];
  let tagSeen = false;
  for (let i = 0; i < html.length; ) {
    const c = html[i]!;
    if (c === '<') {
      const close = html.indexOf('>', i);
      i = close === -1 ? html.length : close + 1;
      tagSeen = true;
      continue;
    }
    const entity = c === '&' ? ENTITY.exec(html.slice(i, i + 12)) : null;
    const raw = entity ? entity[0] : c;
    const decoded = entity ? decodeEntities(raw) : c;
    chars.push(decoded === '\u00a0' ? ' ' : decoded);
    afterTag.push(tagSeen);
    tagSeen = false;
    from.push(i);
    to.push(i + raw.length);
    i += raw.length;
  }
  const haystack = chars.join('');
  // Entities may decode to more than one UTF-16 unit; index by character list, not string offset.
  const units: number[] = [];
  chars.forEach((ch, k) => {
    for (let u = 0; u < ch.length; u++) units.push(k);
  });
  const at = nthIndexOf(haystack, needle, nth);
  if (at === -1) return null;
  const first = units[at]!;
  const last = units[at + needle.length - 1]!;
  for (let k = first + 1; k <= last; k++) if (afterTag[k]) return null;
  return html.slice(0, from[first]) + escapeText(replacement) + html.slice(to[last]);
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
