// Reads the ticket the sidebar is on into a plain snapshot. Schemas decide what is usable; a part that
// fails to load is an error only when the sidebar cannot work without it (the conversation).
import type { Host, HostResult } from './host';
import { fail, ok } from './host';
import { PATHS } from './paths';
import { brandSchema, conversationSchema, describeIssue, tagsSchema, textSchema, ticketIdSchema, userSchema } from './schemas';

export interface ConversationMessage {
  author: 'customer' | 'agent';
  authorName: string;
  internal: boolean;
  /** Body as Zendesk gives it: HTML when `html` is true. Data, never markup: render as text only. */
  body: string;
  html: boolean;
  timestamp: string | null;
}

export interface Person {
  name: string | null;
  email: string | null;
  locale: string | null;
  role: string | null;
}

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

function person(result: HostResult<unknown> | undefined): Person | null {
  const user = parsed(result, userSchema);
  if (!user) return null;
  const { name, email, locale, role } = user;
  return { name: name ?? null, email: email ?? null, locale: locale ?? null, role: role ?? null };
}

/** The value of one path when it loaded and its schema accepts it; otherwise null (that part is optional). */
function parsed<T>(result: HostResult<unknown> | undefined, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T | null {
  if (!result || !result.ok) return null;
  const p = schema.safeParse(result.value);
  return p.success ? p.data : null;
}

export function toMessages(value: unknown): HostResult<ConversationMessage[]> {
  const parsed = conversationSchema.safeParse(value);
  if (!parsed.success) return fail('invalid', PATHS.conversation, describeIssue(parsed.error));
  return ok(
    parsed.data.map((m) => ({
      author: CUSTOMER_ROLES.has((m.author.role ?? '').toLowerCase()) ? 'customer' : 'agent',
      authorName: m.author.name ?? '',
      internal: (m.channel?.name ?? '').toLowerCase() === 'internal',
      body: m.message.content ?? '',
      html: (m.message.contentType ?? 'text/html').toLowerCase().includes('html'),
      timestamp: m.timestamp ?? null,
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
  const brand = parsed(r[PATHS.brand], brandSchema);
  const id = parsed(r[PATHS.ticketId], ticketIdSchema);
  return ok({
    id: id === null || !Number.isFinite(Number(id)) ? null : Number(id),
    subject: parsed(r[PATHS.subject], textSchema) ?? '',
    requester: person(r[PATHS.requester]),
    brand: brand ? { id: String(brand.id), name: brand.name } : null,
    tags: parsed(r[PATHS.tags], tagsSchema) ?? [],
    messages: messages.value,
    currentUser: person(r[PATHS.currentUser]),
  });
}

export { describeIssue };
