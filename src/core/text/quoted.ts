// Email replies carry the history they answer ("On … wrote:", "> " lines) and a signature. Those are not
// what the customer is saying now. We blank them out with spaces instead of cutting them, so offsets into
// the result are still offsets into the original text.

const REPLY_HEADER = /^(on\b.{0,300}\bwrote:|-{2,} ?original message ?-{2,}|from: .{1,200}$|_{8,})/i;
const WROTE_TAIL = /\bwrote:\s*$/i;
const SENT_FROM = /^sent from my\b/i;
const SIGN_OFF = /^((best|kind|warm|many)\s+)?(regards|thanks|thank you|cheers|sincerely|best wishes|best|br|thx)\s*[,.!]?$/i;
/** A sign-off only starts a signature when at most this many non-empty lines follow it. */
const MAX_SIGNATURE_LINES = 6;

/** After a reply header ending before line `from`: the first line of new text below a block of "> " lines, or -1. */
function replyBelowQuote(text: string, lines: Array<[number, number]>, from: number): number {
  let quoted = 0;
  for (let k = from; k < lines.length; k++) {
    const line = text.slice(lines[k]![0], Math.min(lines[k]![1], lines[k]![0] + 400)).trim();
    if (!line) continue;
    if (line.startsWith('>')) quoted++;
    else return quoted > 0 ? k : -1;
  }
  return -1;
}

/** The live part of a message: quoted history and signature replaced by spaces (line breaks kept). */
export function maskQuoted(text: string): string {
  if (text.indexOf('\n') < 0 && text.indexOf('>') < 0) return text;
  const lines: Array<[number, number]> = [];
  for (let at = 0; at <= text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    lines.push([at, end]);
    at = end + 1;
  }
  const masked: boolean[] = new Array<boolean>(lines.length).fill(false);
  let cutFrom = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const [s, e] = lines[i]!;
    const line = text.slice(s, Math.min(e, s + 400)).trim();
    if (line.startsWith('>')) {
      masked[i] = true;
      continue;
    }
    const next = lines[i + 1];
    const header =
      REPLY_HEADER.test(line) ||
      (/^on\b/i.test(line) && next !== undefined && WROTE_TAIL.test(text.slice(Math.max(next[0], next[1] - 400), next[1])));
    if (header) {
      // An inline reply: "On … wrote:", the quoted lines, then the customer's answer below them. Only when
      // the history is quoted with ">" can we tell where it ends; otherwise everything after the header goes.
      const below = replyBelowQuote(text, lines, i + (REPLY_HEADER.test(line) ? 1 : 2));
      if (below > 0) {
        for (let k = i; k < below; k++) masked[k] = true;
        i = below - 1;
        continue;
      }
    }
    if (header || line === '--' || SENT_FROM.test(line)) {
      cutFrom = i;
      break;
    }
    if (SIGN_OFF.test(line)) {
      // Bounded look-ahead keeps this linear even on text made of sign-offs and blank lines.
      let after = 0;
      let j = i + 1;
      for (; j < lines.length && j <= i + 4 * MAX_SIGNATURE_LINES && after <= MAX_SIGNATURE_LINES; j++) if (text.slice(lines[j]![0], lines[j]![1]).trim()) after++;
      if (j >= lines.length && after <= MAX_SIGNATURE_LINES) {
        cutFrom = i + 1;
        break;
      }
    }
  }
  let changed = cutFrom < lines.length;
  for (const m of masked) changed ||= m;
  if (!changed) return text;
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const [s, e] = lines[i]!;
    out += i >= cutFrom || masked[i] ? ' '.repeat(e - s) : text.slice(s, e);
    if (e < text.length) out += '\n';
  }
  return out;
}
