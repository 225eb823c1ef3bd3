// The simulated agent workspace's state: tickets, the agent, app settings and host faults, as signals.
import { computed, signal } from '@preact/signals';
import * as bundled from 'virtual:workspace-seeds';
import type { DemoMessage, DemoTicket, WorkspaceSeed } from './demo-data';
import type { Answer, ProtocolEntry, Registration, WorkspaceAdapter } from './host-simulator';
import type { Composer } from './composer';

export type WsTicket = Omit<DemoTicket, 'brand'> & { brandId: number };
export interface Notice {
  id: number;
  text: string;
  kind: string;
}

interface Parameter {
  name: string;
  type: string;
  default?: unknown;
  label: string;
  helpText: string;
}
const seedTickets = bundled.tickets as DemoTicket[];
const seed = bundled.workspace as WorkspaceSeed;
const appVersion = bundled.appVersion as string;
export const parameters = bundled.parameters as Parameter[];

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export const brands = seed.brands;
export const agents = seed.agents;

export const tickets = signal<WsTicket[]>(
  seedTickets.map((t) => ({ ...clone(t), brandId: (brands.find((b) => b.name === t.brand) ?? brands[0]!).id })),
);
const firstId = new URLSearchParams(location.search).get('ticket');
export const selectedId = signal<number>(Number(firstId) || tickets.value[0]?.id || 0);
export const agentId = signal<number>(agents[0]!.id);
export const settings = signal<Record<string, string>>(
  Object.fromEntries(parameters.map((p) => [p.name, p.default === undefined ? '' : String(p.default)])),
);
export type FaultMode = 'ok' | 'slow' | 'failing';
export const FAULTS: Record<FaultMode, { delayMs: number; failing: Set<string> }> = {
  ok: { delayMs: 0, failing: new Set() },
  slow: { delayMs: 12_000, failing: new Set() },
  failing: { delayMs: 0, failing: new Set(['ticket.conversation']) },
};
const query = new URLSearchParams(location.search);
export const faultMode = signal<FaultMode>((query.get('host') as FaultMode | null) ?? 'ok');
export const faults = computed(() => FAULTS[faultMode.value] ?? FAULTS.ok);
export const notices = signal<Notice[]>([]);
export const protocolLog = signal<(ProtocolEntry & { at: number })[]>([]);
/** Bumped to give the app a fresh instance (new ticket tab, new settings, new agent). */
export const appInstance = signal(0);
export const appHeight = signal(400);

export const selected = computed(() => tickets.value.find((t) => t.id === selectedId.value) ?? null);
export const agent = computed(() => agents.find((a) => a.id === agentId.value) ?? agents[0]!);

export function updateTicket(id: number, change: (t: WsTicket) => WsTicket): void {
  tickets.value = tickets.value.map((t) => (t.id === id ? change(t) : t));
}

export function addMessage(id: number, message: DemoMessage): void {
  updateTicket(id, (t) => ({ ...t, messages: [...t.messages, message] }));
}

let noticeId = 0;
export function notify(text: string, kind = 'notice'): void {
  const notice = { id: ++noticeId, text, kind };
  notices.value = [...notices.value, notice];
  setTimeout(() => (notices.value = notices.value.filter((n) => n !== notice)), 6000);
}

export function logProtocol(entry: ProtocolEntry): void {
  protocolLog.value = [...protocolLog.value.slice(-199), { ...entry, at: Date.now() }];
}

function brandPayload(id: number) {
  const b = brands.find((x) => x.id === id) ?? brands[0]!;
  return { id: b.id, name: b.name, subdomain: b.subdomain, url: `https://${b.subdomain}.zendesk.com`, hasHelpCenter: true, isActive: true, isDefault: b === brands[0], logo: null };
}

function authorOf(t: WsTicket, m: DemoMessage) {
  if (m.author === 'customer') return { id: 5000 + t.id, name: m.name ?? t.requester.name ?? t.requester.email, role: 'end-user', avatar: '' };
  const a = agents.find((x) => x.name === m.name) ?? agent.value;
  return { id: a.id, name: a.name, role: a.role, avatar: '' };
}

export function registration(guid: string): Registration {
  const t = selected.value;
  return {
    metadata: { appId: 0, installationId: 1, name: 'Defuse', version: appVersion, settings: { ...settings.value } },
    context: { instanceGuid: guid, product: 'support', account: { subdomain: 'defuse-demo' }, location: 'ticket_sidebar', ticketId: t?.id },
  };
}

const value = (v: unknown): Answer => ({ value: v });
const notFound = (path: string): Answer => ({ error: { name: 'NotFoundError', message: `"${path}" is not available in this location.` } });

/** Maps ZAF paths and actions onto the workspace, the way Zendesk's ticket sidebar exposes them. */
export function createAdapter(composer: () => Composer | null): WorkspaceAdapter {
  return {
    get(path) {
      const t = selected.value;
      const c = composer();
      if (!t) return notFound(path);
      switch (path) {
        case 'ticket.id': return value(t.id);
        case 'ticket.subject': return value(t.subject);
        case 'ticket.status': return value(t.status);
        case 'ticket.tags': return value([...t.tags]);
        case 'ticket.brand': return value(brandPayload(t.brandId));
        case 'ticket.requester': return value({ id: 5000 + t.id, name: t.requester.name, email: t.requester.email, role: 'end-user', locale: t.requester.locale, tags: [], groups: [], organizations: [] });
        case 'ticket.conversation':
          return value(t.messages.map((m) => ({ author: authorOf(t, m), attachments: [], channel: { name: m.internal ? 'internal' : 'email' }, message: { content: m.body, contentType: 'text/html' }, timestamp: m.at })));
        case 'ticket.comments':
          return value(t.messages.map((m, i) => ({ id: t.id * 1000 + i, value: m.body, author: authorOf(t, m), via: { channel: 'email' }, imageAttachments: [], nonImageAttachments: [] })));
        case 'comment.text': return value(c?.value ?? '');
        case 'comment.useRichText': return value(c?.isRich ?? true);
        case 'comment.type': return value(commentType.value);
        case 'currentUser': return value({ ...agent.value, groups: [{ id: 1, name: 'Support' }], organizations: [] });
        case 'currentAccount': return value({ subdomain: 'defuse-demo', planName: 'Suite Professional' });
        default: return notFound(path);
      }
    },
    set(path, v) {
      const t = selected.value;
      const c = composer();
      if (path === 'comment.text' && typeof v === 'string' && c) c.setValue(v);
      else if (path === 'comment.type' && (v === 'publicReply' || v === 'internalNote')) commentType.value = v;
      else if (path === 'ticket.tags' && Array.isArray(v) && t) updateTicket(t.id, (x) => ({ ...x, tags: v.map(String) }));
      else return notFound(path);
      return value(v);
    },
    invoke(action, args) {
      const t = selected.value;
      const c = composer();
      const first = args[0];
      switch (action) {
        case 'ticket.editor.insert':
          if (!c || typeof first !== 'string') return notFound(action);
          c.insertAtCursor(first);
          return value(null);
        case 'comment.appendText':
        case 'ticket.comment.appendText':
          if (!c || typeof first !== 'string') return notFound(action);
          c.appendText(first);
          return value(null);
        case 'comment.appendHtml':
        case 'ticket.comment.appendHtml':
          if (!c || typeof first !== 'string') return notFound(action);
          c.appendHtml(first);
          return value(null);
        case 'ticket.tags.add':
        case 'ticket.tags.remove': {
          if (!t) return notFound(action);
          const list = (Array.isArray(first) ? first : [first]).filter((x): x is string => typeof x === 'string');
          updateTicket(t.id, (x) => ({
            ...x,
            tags: action.endsWith('add') ? [...new Set([...x.tags, ...list])] : x.tags.filter((tag) => !list.includes(tag)),
          }));
          return value(null);
        }
        case 'resize': {
          const h = parseInt(String((first as { height?: unknown } | undefined)?.height ?? ''), 10);
          if (Number.isFinite(h)) appHeight.value = Math.max(80, Math.min(h, 2000));
          return value(null);
        }
        case 'notify':
          notify(String(first), typeof args[1] === 'string' ? args[1] : 'notice');
          return value(null);
        case 'track':
          return value(null);
        default:
          return notFound(action);
      }
    },
  };
}

export const commentType = signal<'publicReply' | 'internalNote'>('publicReply');
