// Payloads from the host are `unknown` until one of these accepts them. zod/mini keeps the bundle small.
import * as z from 'zod/mini';

const id = z.union([z.number(), z.string()]);

export const userSchema = z.object({
  id: z.optional(id),
  name: z.optional(z.nullable(z.string())),
  email: z.optional(z.nullable(z.string())),
  role: z.optional(z.nullable(z.string())),
  locale: z.optional(z.nullable(z.string())),
});

export const brandSchema = z.object({ id, name: z.string() });

export const conversationSchema = z.array(
  z.object({
    author: z.object({ id: z.optional(id), name: z.optional(z.nullable(z.string())), role: z.optional(z.nullable(z.string())) }),
    channel: z.optional(z.nullable(z.object({ name: z.optional(z.nullable(z.string())) }))),
    message: z.object({ content: z.nullable(z.string()), contentType: z.optional(z.nullable(z.string())) }),
    timestamp: z.optional(z.nullable(z.string())),
  }),
);

export const tagsSchema = z.array(z.string());
export const ticketIdSchema = z.nullable(id);
export const textSchema = z.nullable(z.string());
export const booleanSchema = z.boolean();

export const settingsSchema = z.object({ settings: z.optional(z.record(z.string(), z.unknown())) });
export const contextSchema = z.object({
  location: z.string(),
  ticketId: z.optional(z.nullable(id)),
  account: z.optional(z.object({ subdomain: z.optional(z.string()) })),
});

/** Describes the first problem zod found, as "path: message", for error states and logs. */
export function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected shape';
  const where = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  return `${where}: ${issue.message}`;
}
