// Synthetic Zendesk exports for tests and the benchmark: deterministic (seeded), written as a stream so
// a large export never sits in memory. Shapes follow the incremental ticket export with comments.
import { createWriteStream } from 'node:fs';

const CUSTOMER = [
  'Hi, could you tell me when my order ships? Thanks a lot.',
  'Thanks for the quick answer, that works for me.',
  'I have been waiting two weeks for my refund and nobody answers. This is the third time I am writing.',
  'This is ridiculous. I want to speak to a manager NOW!!!',
  'If this is not fixed by Friday I will cancel my subscription and dispute the charge with my bank.',
  'My lawyer will be in touch. I am also posting about this on Twitter.',
  'Still broken. Still no answer. Unbelievable.',
  'Could you update the billing address on my account please?',
  'Great, thank you so much for your help 🙂',
  'You people are useless, I am so angry 😡',
];
const AGENT = [
  'Thanks for reaching out! I have checked your order and it ships tomorrow.',
  'We apologize for any inconvenience. Unfortunately that is our policy.',
  'I understand how frustrating this is. I have escalated it and will update you by Friday.',
  'Please calm down, there is nothing I can do.',
  'I have issued the refund; you will see it within 3–5 business days.',
];
const BRANDS = [
  { id: 11, name: 'Northwind' },
  { id: 12, name: 'Contoso <Outlet>' },
  { id: 13, name: 'Fabrikam & Co' },
];

/** Mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedTicket {
  id: number;
  url: string;
  subject: string;
  status: string;
  brand_id: number;
  requester_id: number;
  created_at: string;
  comments: Array<{ id: number; author_id: number; public: boolean; body: string; created_at: string }>;
}

export function makeTicket(id: number, random: () => number, subdomain = 'acme', comments?: number): GeneratedTicket {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const n = comments ?? 5 + Math.floor(random() * 36); // 5–40
  const requester = 100_000 + id;
  const agent = 1 + Math.floor(random() * 20);
  const start = Date.UTC(2025, 0, 1) + Math.floor(random() * 180) * 86_400_000;
  const list: GeneratedTicket['comments'] = [];
  for (let i = 0; i < n; i++) {
    const fromCustomer = i === 0 || random() < 0.55;
    const internal = !fromCustomer && random() < 0.15;
    list.push({ id: id * 100 + i, author_id: fromCustomer ? requester : agent, public: !internal, body: fromCustomer ? pick(CUSTOMER) : pick(AGENT), created_at: new Date(start + i * 3_600_000).toISOString() });
  }
  return {
    id,
    url: `https://${subdomain}.zendesk.com/api/v2/tickets/${id}.json`,
    subject: `Order ${id}: ${pick(['late delivery', 'refund', 'billing', 'login <b>help</b>'])}`,
    status: pick(['new', 'open', 'pending', 'solved', 'closed']),
    brand_id: pick(BRANDS).id,
    requester_id: requester,
    created_at: new Date(start).toISOString(),
    comments: list,
  };
}

/** Writes incremental-export pages ({"tickets": [...], "users": [...], "next_page": …}) to FILE. */
export async function writeExport(file: string, tickets: number, options: { seed?: number; perPage?: number; subdomain?: string; comments?: number } = {}): Promise<void> {
  const random = rng(options.seed ?? 42);
  const perPage = options.perPage ?? 1000;
  const out = createWriteStream(file);
  const put = async (s: string): Promise<void> => {
    if (!out.write(s)) await new Promise<void>((r) => out.once('drain', () => r()));
  };
  await put(`{"brands":${JSON.stringify(BRANDS)}}\n`);
  for (let page = 0; page * perPage < tickets; page++) {
    const users = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, role: 'agent' }));
    await put(`{"users":${JSON.stringify(users)},"tickets":[`);
    for (let i = 0; i < perPage && page * perPage + i < tickets; i++) {
      await put((i ? ',' : '') + JSON.stringify(makeTicket(page * perPage + i + 1, random, options.subdomain ?? 'acme', options.comments)));
    }
    await put(`],"next_page":null,"end_of_stream":${(page + 1) * perPage >= tickets}}\n`);
  }
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
}
