import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { demoTicketSchema, workspaceSeedSchema, type DemoTicket } from './demo-data';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
const TICKETS = join(SEEDS, 'tickets');
const FILE_NAME = /^(\d+)-[a-z0-9]+(?:-[a-z0-9]+)*\.json$/;

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const workspace = workspaceSeedSchema.parse(readJson(join(SEEDS, 'workspace.json')));
const files = readdirSync(TICKETS)
  .filter((f) => f.endsWith('.json'))
  .sort();
const tickets: Array<{ file: string; ticket: DemoTicket }> = files.map((file) => ({
  file,
  ticket: demoTicketSchema.parse(readJson(join(TICKETS, file))),
}));

describe('seeds/workspace.json', () => {
  test('parses with workspaceSeedSchema', () => {
    expect(workspaceSeedSchema.safeParse(readJson(join(SEEDS, 'workspace.json'))).success).toBe(true);
  });
});

describe('seeds/tickets', () => {
  test('holds demo tickets, and nothing but JSON files', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(readdirSync(TICKETS).filter((f) => !f.endsWith('.json'))).toEqual([]);
  });

  test.each(files)('%s parses with demoTicketSchema', (file) => {
    const parsed = demoTicketSchema.safeParse(readJson(join(TICKETS, file)));
    expect(parsed.success, parsed.error?.message).toBe(true);
  });

  test('file names are <id>-<slug>.json and the prefix is the ticket id', () => {
    for (const { file, ticket } of tickets) {
      const match = FILE_NAME.exec(file);
      expect(match, file).not.toBeNull();
      expect(Number(match![1]), file).toBe(ticket.id);
    }
  });

  test('ticket ids are unique and in the demo range 1001–1099', () => {
    const ids = tickets.map(({ ticket }) => ticket.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toBeGreaterThanOrEqual(1001);
      expect(id).toBeLessThanOrEqual(1099);
    }
  });

  test("every ticket's brand exists in workspace.json", () => {
    const brands = new Set(workspace.brands.map((b) => b.name));
    for (const { file, ticket } of tickets) expect(brands.has(ticket.brand), `${file}: ${ticket.brand}`).toBe(true);
  });

  test('named agent messages are by workspace agents', () => {
    const agents = new Set(workspace.agents.map((a) => a.name));
    for (const { file, ticket } of tickets)
      for (const m of ticket.messages) if (m.author === 'agent' && m.name !== undefined) expect(agents.has(m.name), `${file}: ${m.name}`).toBe(true);
  });

  test('timestamps increase within a ticket', () => {
    for (const { file, ticket } of tickets) {
      const times = ticket.messages.map((m) => Date.parse(m.at));
      for (let i = 1; i < times.length; i++) expect(times[i]!, `${file}: message ${i}`).toBeGreaterThan(times[i - 1]!);
    }
  });

  test('ticket 1007 is the long thread: exactly 50 messages', () => {
    const long = tickets.find(({ ticket }) => ticket.id === 1007);
    expect(long).toBeDefined();
    expect(long!.ticket.messages).toHaveLength(50);
  });
});
