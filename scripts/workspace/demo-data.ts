// The local workspace's data: demo tickets, brands and agents from seeds/, checked by one schema.
import * as z from 'zod';

export const demoMessageSchema = z.object({
  author: z.enum(['customer', 'agent']),
  /** Display name; defaults to the requester (customer) or the workspace agent. */
  name: z.string().optional(),
  internal: z.boolean().default(false),
  /** HTML as Zendesk stores comment bodies. */
  body: z.string().min(1),
  at: z.iso.datetime(),
});

export const demoTicketSchema = z.object({
  id: z.number().int().positive(),
  subject: z.string().min(1),
  brand: z.string().min(1),
  status: z.enum(['new', 'open', 'pending', 'solved']).default('open'),
  tags: z.array(z.string()).default([]),
  requester: z.object({ name: z.string().nullable(), email: z.string(), locale: z.string().default('en-US') }),
  /** Why this ticket is in the demo set: what it shows off. */
  about: z.string().min(1),
  messages: z.array(demoMessageSchema),
});

export const workspaceSeedSchema = z.object({
  brands: z.array(z.object({ id: z.number().int(), name: z.string(), subdomain: z.string() })).min(1),
  agents: z.array(z.object({ id: z.number().int(), name: z.string(), email: z.string(), role: z.enum(['agent', 'admin']), locale: z.string() })).min(1),
});

export type DemoTicket = z.infer<typeof demoTicketSchema>;
export type DemoMessage = z.infer<typeof demoMessageSchema>;
export type WorkspaceSeed = z.infer<typeof workspaceSeedSchema>;
