// What a reply can say from the ticket alone: who to greet, who writes, and the customer's own words.
import { htmlToText } from '../text/html';
import { maskQuoted } from '../text/quoted';
import { FEELINGS, wordsFor, type Feeling } from './locale';

export interface TicketFacts {
  requesterName: string | null;
  requesterEmail: string | null;
  requesterLocale: string | null;
  agentName: string | null;
  brandName: string | null;
  ticketId: number | null;
  subject: string;
  /** The latest public customer comment as plain text; quoted history and signatures are masked here too. */
  latestCustomerText: string | null;
  verdict: { level: string; reasons: { id: string; spans: { text: string }[] }[] } | null;
}

/** The feeling each reason most likely means; reasons not listed (politeness) name none. */
const FEELING_REASONS: Record<Feeling, string> = {
  frustrating: 'repeat-contact supervisor-demand profanity insult shouting exclamation',
  disappointing: 'cancel-threat public-threat sarcasm accusation',
  urgent: 'urgency',
  stressful: 'legal-threat negative-emotion',
  inconvenient: '',
};
export const feelingOf = (reason: string): Feeling | undefined => FEELINGS.find((f) => FEELING_REASONS[f].split(' ').includes(reason));
/** Reasons whose words we never quote back: the mirror skips them and masks their spans. */
export const UNQUOTABLE = ['profanity', 'insult'];

const HONORIFIC = /^(mr|mrs|ms|miss|mx|dr|prof|sr|sra|srta|m|mme|mlle|herr|frau|dona|don)\.?$/i;
const NOT_A_PERSON =
  /@|\d|_|\.\w|\b(inc|llc|ltd|gmbh|corp|co|company|s\.?a|sarl|ag|bv|plc|pty|team|support|billing|admin|info|sales|office|services?|customer|client|user|unknown|guest|anonymous|noreply|no-reply|accounts?|department|dept|test|n\/a)\b/i;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

const capitalize = (w: string): string =>
  w === w.toLowerCase() || w === w.toUpperCase() ? w.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()) : w;

/** The requester's first name, or null when the name is missing or looks like an email, a company or a placeholder. */
export function firstName(facts: Pick<TicketFacts, 'requesterName' | 'requesterEmail' | 'brandName'>, locale: string): string | null {
  let name = (facts.requesterName ?? '').replace(/\s+/g, ' ').trim();
  if (!name || NOT_A_PERSON.test(name) || name.toLowerCase() === facts.brandName?.trim().toLowerCase()) return null;
  // An address book's own word for the person ("jsmith" for jsmith@…) is not a name someone chose.
  const local = facts.requesterEmail?.split('@')[0];
  if (local && name === local && name === name.toLowerCase()) return null;
  // Family-name-first scripts and Japanese replies use the full name (with 様 from the greeting).
  if (CJK.test(name) || locale.toLowerCase().startsWith('ja')) return name.length <= 40 ? name.split(' ').map(capitalize).join(' ') : null;
  if (name.includes(',')) name = name.split(',')[1]!.trim();
  const parts = name.split(' ').filter((p) => !HONORIFIC.test(p));
  const first = parts[0] ?? '';
  return /^\p{L}[\p{L}\p{M}'’-]{1,29}$/u.test(first) ? capitalize(first) : null;
}

const SENTENCE = /(?:[^.!?。！？\n]|[.!?](?=\S))+[.!?。！？]*/g;
const GREETING = /^(hi|hello|hey|dear|hola|buenos días|buenas|bonjour|salut|hallo|guten tag|olá|oi|bom dia)\b[^,!:]{0,30}[,!:]\s*/i;
const MAX_MIRROR = 160;

const substantial = (s: string): boolean => s.split(/\s+/).length >= 3 || (!/\s/.test(s) && s.length >= 8);

/** The customer's key sentence: the one carrying the strongest quotable reason, tidied and in quotes. */
export function mirrorSentence(facts: Pick<TicketFacts, 'latestCustomerText' | 'verdict'>, locale: string): string {
  const raw = facts.latestCustomerText ?? '';
  const text = maskQuoted(/<[a-z/!]/i.test(raw) || raw.includes('&') ? htmlToText(raw) : raw);
  const sentences = [...text.matchAll(SENTENCE)].map((m) => ({ at: m.index, s: m[0].replace(GREETING, '').trim() })).filter((x) => x.s);
  if (!sentences.length) return '';
  const lower = text.toLowerCase();
  const reasons = facts.verdict?.reasons ?? [];
  let pick: string | undefined;
  for (const r of reasons) {
    if (pick || UNQUOTABLE.includes(r.id)) continue;
    for (const span of r.spans) {
      const i = span.text.trim() ? lower.indexOf(span.text.trim().toLowerCase()) : -1;
      const hit = i < 0 ? undefined : sentences.filter((x) => x.at <= i).pop();
      if (hit && substantial(hit.s)) {
        pick = hit.s;
        break;
      }
    }
  }
  pick ??= sentences.find((x) => substantial(x.s))?.s;
  if (!pick) return '';
  for (const r of reasons) {
    if (!UNQUOTABLE.includes(r.id)) continue;
    for (const span of r.spans) if (span.text.trim()) pick = pick.split(span.text.trim()).join('…');
  }
  let s = pick
    .replace(/["“”„«»「」]/g, '')
    .replace(/([!?！？])[!?！？]+/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/[.。,;:\s]+$/, '')
    .trim();
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length > 8 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) s = s.charAt(0) + s.slice(1).toLowerCase().replace(/\bi\b/g, 'I');
  if (s.length > MAX_MIRROR) s = `${s.slice(0, s.lastIndexOf(' ', MAX_MIRROR) > 40 ? s.lastIndexOf(' ', MAX_MIRROR) : MAX_MIRROR).replace(/[\s,;:]+$/, '')}…`;
  const [open, close] = wordsFor(locale).q;
  return s ? open + s + close : '';
}

/** The feeling named by the strongest reason that names one; calm tickets get a mild word. */
export function feelingFor(verdict: TicketFacts['verdict'], locale: string): string {
  const feeling = verdict?.reasons.map((r) => feelingOf(r.id)).find(Boolean) ?? 'inconvenient';
  return wordsFor(locale).feel[FEELINGS.indexOf(feeling)]!;
}

/** Every ticket variable a framework body may use. Values are plain text; fillFramework escapes them. */
export function ticketVariables(facts: TicketFacts, locale: string): Record<string, string> {
  const w = wordsFor(locale);
  const first = firstName(facts, locale);
  return {
    greeting: first ? w.hi.replace('{n}', first) : w.hello,
    // A greeting word where the language has one ("Hi there,"); the fill drops the space before a comma.
    firstName: first ?? w.you,
    agentName: facts.agentName?.trim() ?? '',
    brand: facts.brandName?.trim() ?? '',
    ticketId: facts.ticketId === null ? '' : String(facts.ticketId),
    subject: facts.subject.trim(),
    mirror: mirrorSentence(facts, locale),
    feeling: feelingFor(facts.verdict, locale),
  };
}
