// Host payloads are `unknown` until one of these readers accepts them. They are hand-written rather
// than zod schemas because they run on every ticket load and zod would double the sidebar's size;
// each returns null (or a path + reason) instead of throwing.

export type Read<T> = { ok: true; value: T } | { ok: false; where: string; why: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const isId = (v: unknown): v is string | number => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v !== '');

export interface UserPayload {
  name: string | null;
  email: string | null;
  role: string | null;
  locale: string | null;
}

export function readUser(v: unknown): UserPayload | null {
  if (!isObject(v)) return null;
  return { name: optionalString(v.name), email: optionalString(v.email), role: optionalString(v.role), locale: optionalString(v.locale) };
}

export function readBrand(v: unknown): { id: string; name: string } | null {
  return isObject(v) && isId(v.id) && typeof v.name === 'string' ? { id: String(v.id), name: v.name } : null;
}

export function readStrings(v: unknown): string[] | null {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
}

export function readTicketId(v: unknown): number | null {
  const n = isId(v) ? Number(v) : NaN;
  return Number.isInteger(n) ? n : null;
}

export interface ConversationItem {
  authorName: string | null;
  authorRole: string | null;
  channel: string | null;
  content: string;
  contentType: string | null;
  timestamp: string | null;
}

/** `ticket.conversation`: every entry needs an author object and a message whose content is text. */
export function readConversation(v: unknown): Read<ConversationItem[]> {
  if (!Array.isArray(v)) return { ok: false, where: '(root)', why: 'expected a list of messages' };
  const out: ConversationItem[] = [];
  for (const [i, item] of v.entries()) {
    if (!isObject(item)) return { ok: false, where: `${i}`, why: 'expected a message object' };
    if (!isObject(item.author)) return { ok: false, where: `${i}.author`, why: 'expected an object' };
    if (!isObject(item.message)) return { ok: false, where: `${i}.message`, why: 'expected an object' };
    const content = item.message.content;
    if (content !== null && typeof content !== 'string') return { ok: false, where: `${i}.message.content`, why: 'expected text' };
    out.push({
      authorName: optionalString(item.author.name),
      authorRole: optionalString(item.author.role),
      channel: isObject(item.channel) ? optionalString(item.channel.name) : null,
      content: content ?? '',
      contentType: optionalString(item.message.contentType),
      timestamp: optionalString(item.timestamp),
    });
  }
  return { ok: true, value: out };
}

export function readSettingsPayload(v: unknown): Read<Record<string, unknown>> {
  if (!isObject(v)) return { ok: false, where: '(root)', why: 'expected an object' };
  if (v.settings === undefined || v.settings === null) return { ok: true, value: {} };
  return isObject(v.settings) ? { ok: true, value: v.settings } : { ok: false, where: 'settings', why: 'expected an object' };
}

export function readContext(v: unknown): Read<{ location: string; ticketId: number | null; subdomain: string | null }> {
  if (!isObject(v)) return { ok: false, where: '(root)', why: 'expected an object' };
  if (typeof v.location !== 'string') return { ok: false, where: 'location', why: 'expected text' };
  const account = isObject(v.account) ? v.account : {};
  return { ok: true, value: { location: v.location, ticketId: readTicketId(v.ticketId), subdomain: optionalString(account.subdomain) } };
}
