// Reads the ticket the sidebar is on into a plain snapshot. Schemas decide what is usable; a part that
// fails to load is an error only when the sidebar cannot work without it (the conversation).
import type { Host, HostResult } from './host';
import { fail, ok } from './host';
import { PATHS } from './paths';
import { readBrand, readConversation, readStrings, readTicketId, readUser, type UserPayload } from './payloads';

export interface ConversationMessage {
  author: 'customer' | 'agent';
  authorName: string;
  internal: boolean;
  /** Body as Zendesk gives it: HTML when `html` is true. Data, never markup: render as text only. */
  body: string;
  html: boolean;
  timestamp: string | null;
}

export type Person = UserPayload;

export interface TicketSnapshot {
  id: number | null;
  subject: string;
  requester: Person | null;
  brand: { id: string; name: string } | null;
  tags: string[];
  messages: ConversationMessage[];
  currentUser: Person | null;
}

const TICKET_PATHS = [PATHS.ticketId, PATHS.subject, PATHS.requester, PATHS.brand, PATHS.tags, PATHS.conversation, PATHS.currentUser] as const;

// Zendesk's roles for people outside the support team; anything else writes as the business.
const CUSTOMER_ROLES = new Set(['end-user', 'end_user', 'enduser', 'user', 'customer']);

/** The value of an optional path read with `read`, or null when it failed or has another shape. */
function optional<T>(result: HostResult<unknown> | undefined, read: (v: unknown) => T | null): T | null {
  return result?.ok ? read(result.value) : null;
}

export function toMessages(value: unknown): HostResult<ConversationMessage[]> {
  const read = readConversation(value);
  if (!read.ok) return fail('invalid', PATHS.conversation, `${read.where}: ${read.why}`);
  return ok(
    read.value.map((m) => ({
      author: CUSTOMER_ROLES.has((m.authorRole ?? '').toLowerCase()) ? 'customer' : 'agent',
      authorName: m.authorName ?? '',
      internal: (m.channel ?? '').toLowerCase() === 'internal',
      body: m.content,
      html: (m.contentType ?? 'text/html').toLowerCase().includes('html'),
      timestamp: m.timestamp,
    })),
  );
}

export async function readTicket(host: Host): Promise<HostResult<TicketSnapshot>> {
  const r = await host.get(TICKET_PATHS);
  const conversation = r[PATHS.conversation];
  if (!conversation) return fail('host', PATHS.conversation, 'Zendesk returned no conversation.');
  // A new ticket has no conversation yet; Zendesk may answer with an error or nothing for it.
  const messages = conversation.ok ? toMessages(conversation.value ?? []) : conversation;
  if (!messages.ok) return messages;
  return ok({
    id: optional(r[PATHS.ticketId], readTicketId),
    subject: optional(r[PATHS.subject], (v) => (typeof v === 'string' ? v : null)) ?? '',
    requester: optional(r[PATHS.requester], readUser),
    brand: optional(r[PATHS.brand], readBrand),
    tags: optional(r[PATHS.tags], readStrings) ?? [],
    messages: messages.value,
    currentUser: optional(r[PATHS.currentUser], readUser),
  });
}

