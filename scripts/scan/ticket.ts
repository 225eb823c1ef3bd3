// One exported Zendesk ticket → the thread the classifier reads, and the labels the report needs.
// Customer = the comment's author is the ticket's requester or has the end-user role; everyone else is
// staff. `public: false` comments are internal notes and never count as customer text.
import { checkDraft, type PhraseRules } from '../../src/core/phrases';
import { classifyThread, type TensionRules, type ThreadMessage, type ThreadVerdict } from '../../src/core/tension/index';
import { htmlToText } from '../../src/core/text';
import { isRecord } from '../cli/jsonl';

/** A malformed ticket: says which ticket and which field, so the admin can find it in the export. */
export class TicketError extends Error {
  constructor(
    readonly ticket: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${ticket}: ${field} ${problem}`);
  }
}

export interface ExportContext {
  /** user id → role ("end-user", "agent", "admin"), from sideloads seen so far. */
  roles: Map<number, string>;
  /** brand id → name. */
  brands: Map<number, string>;
}

export interface ScannedTicket {
  id: number;
  brand: string;
  status: string | undefined;
  subject: string | undefined;
  /** ISO date of the ticket's creation, when the export has it. */
  createdAt: string | undefined;
  /** From the ticket's API url (https://acme.zendesk.com/api/v2/tickets/1.json). */
  subdomain: string | undefined;
  thread: ThreadMessage[];
  /** Public staff replies (plain text), for the draft checker. */
  agentReplies: string[];
}

export interface TicketVerdict {
  ticket: ScannedTicket;
  verdict: ThreadVerdict;
  /** A public staff reply carried a severe draft flag (the same check the sidebar runs before sending). */
  flaggedReply: boolean;
  /** Up to a few customer phrases behind the top reasons, for the HTML report (never the CSV). */
  evidence: string[];
}

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const asId = (v: unknown): number | undefined => (isId(v) ? v : typeof v === 'string' && /^\d{1,15}$/.test(v) && Number(v) > 0 ? Number(v) : undefined);

export function readTicket(raw: unknown, where: string, ctx: ExportContext): ScannedTicket {
  if (!isRecord(raw)) throw new TicketError(`ticket at ${where}`, 'the ticket', `must be a JSON object, not ${kind(raw)}`);
  const id = asId(raw.id);
  if (id === undefined) throw new TicketError(`ticket at ${where}`, 'field "id"', raw.id === undefined ? 'is missing' : `must be a positive number, not ${kind(raw.id)}`);
  const label = `ticket ${id}`;
  const requester = asId(raw.requester_id);
  if (raw.requester_id !== undefined && requester === undefined) throw new TicketError(label, 'field "requester_id"', `must be a user id, not ${kind(raw.requester_id)}`);
  if (!('comments' in raw)) throw new TicketError(label, 'field "comments"', 'is missing — export tickets with their comments (see "defuse scan --help")');
  if (!Array.isArray(raw.comments)) throw new TicketError(label, 'field "comments"', `must be an array, not ${kind(raw.comments)}`);

  const thread: ThreadMessage[] = [];
  const agentReplies: string[] = [];
  raw.comments.forEach((c: unknown, i: number) => {
    const at = `comments[${i}]`;
    if (!isRecord(c)) throw new TicketError(label, `field "${at}"`, `must be an object, not ${kind(c)}`);
    const author = asId(c.author_id);
    if (author === undefined) throw new TicketError(label, `field "${at}.author_id"`, c.author_id === undefined ? 'is missing' : `must be a user id, not ${kind(c.author_id)}`);
    if (c.public !== undefined && typeof c.public !== 'boolean') throw new TicketError(label, `field "${at}.public"`, `must be true or false, not ${kind(c.public)}`);
    const text = typeof c.body === 'string' ? c.body : typeof c.plain_body === 'string' ? c.plain_body : typeof c.html_body === 'string' ? htmlToText(c.html_body) : undefined;
    if (text === undefined) throw new TicketError(label, `field "${at}.body"`, 'is missing — each comment needs "body", "plain_body" or "html_body" as a string');
    const role = ctx.roles.get(author);
    if (requester === undefined && role === undefined) throw new TicketError(label, 'field "requester_id"', 'is missing and the comment authors have no known role — export with the requester or sideload users');
    const customer = author === requester || role === 'end-user';
    const internal = c.public === false;
    thread.push({ author: customer ? 'customer' : 'agent', text, internal });
    if (!customer && !internal) agentReplies.push(text);
  });

  const brandId = asId(raw.brand_id);
  const brand = typeof raw.brand === 'string' ? raw.brand : brandId !== undefined ? (ctx.brands.get(brandId) ?? `brand ${brandId}`) : '—';
  const url = typeof raw.url === 'string' ? /^https:\/\/([a-z0-9-]+)\.zendesk\.com\//i.exec(raw.url) : null;
  return {
    id,
    brand,
    status: typeof raw.status === 'string' ? raw.status : undefined,
    subject: typeof raw.subject === 'string' ? raw.subject : typeof raw.raw_subject === 'string' ? raw.raw_subject : undefined,
    createdAt: typeof raw.created_at === 'string' ? raw.created_at : undefined,
    subdomain: url?.[1]?.toLowerCase(),
    thread,
    agentReplies,
  };
}

export function judgeTicket(ticket: ScannedTicket, rules: TensionRules, phrases: PhraseRules | undefined): TicketVerdict {
  const verdict = classifyThread(ticket.thread, rules);
  const flaggedReply = phrases ? ticket.agentReplies.some((reply) => checkDraft(reply, phrases).flags.some((f) => f.severity === 'severe')) : false;
  const evidence: string[] = [];
  for (const reason of verdict.reasons) {
    for (const span of reason.spans) if (evidence.length < 3 && span.text.trim() !== '') evidence.push(span.text.slice(0, 120));
  }
  return { ticket, verdict, flaggedReply, evidence };
}

/** Sideloaded user or brand → the context map; malformed entries are ignored (they only refine roles). */
export function learnUser(raw: unknown, ctx: ExportContext): void {
  if (isRecord(raw) && isId(raw.id) && typeof raw.role === 'string') ctx.roles.set(raw.id, raw.role);
}
export function learnBrand(raw: unknown, ctx: ExportContext): void {
  if (isRecord(raw) && isId(raw.id) && typeof raw.name === 'string') ctx.brands.set(raw.id, raw.name);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
