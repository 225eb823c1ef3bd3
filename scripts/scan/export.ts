// Reads a Zendesk export in any of the accepted layouts and yields raw tickets one at a time, plus the
// users and brands sideloaded next to them. Layouts (see README.md in this folder):
//   FILE.json            one JSON document or several in a row: pages {"tickets": [...], "users"?: [...]},
//                        an array of pages or of tickets, or bare ticket objects
//   FILE.jsonl/.ndjson   one ticket (or one page) per line; a bad line is reported and skipped
//   DIR/tickets/<id>.json + DIR/comments/<id>.json   saved API responses (GET /api/v2/tickets/{id},
//                        GET /api/v2/tickets/{id}/comments); optional DIR/users.json, DIR/brands.json
//   DIR/*.json(l)        saved export pages, read in natural name order
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { isRecord } from '../cli/jsonl';
import { ExportJsonError, streamExportJson } from './export-json';

export type ExportItem =
  /** `where` says how to find it when the ticket has no usable id: "tickets.json, tickets[1234]". */
  | { kind: 'ticket'; raw: unknown; where: string }
  | { kind: 'user'; raw: unknown }
  | { kind: 'brand'; raw: unknown }
  /** A problem that is not one ticket's fault (bad JSON line, unreadable file). */
  | { kind: 'problem'; message: string; fatal: boolean };

const natural = new Intl.Collator('en', { numeric: true }).compare;
const JSON_LINES = new Set(['.jsonl', '.ndjson']);

export function describeLayout(path: string): string {
  if (!existsSync(path)) throw new Error(`no such file or folder "${path}"`);
  if (!statSync(path).isDirectory()) return JSON_LINES.has(extname(path).toLowerCase()) ? 'json-lines' : 'json';
  return existsSync(join(path, 'tickets')) ? 'api-folder' : 'pages-folder';
}

export async function* readExport(path: string): AsyncGenerator<ExportItem> {
  const layout = describeLayout(path);
  if (layout === 'json') yield* readJsonFile(path);
  else if (layout === 'json-lines') yield* readJsonLines(path);
  else if (layout === 'api-folder') yield* readApiFolder(path);
  else {
    const files = readdirSync(path).filter((f) => /\.(json|jsonl|ndjson)$/i.test(f)).sort(natural);
    if (files.length === 0) yield { kind: 'problem', message: `${path}: no .json or .jsonl files, and no tickets/ folder — see "defuse scan --help" for the layouts`, fatal: true };
    for (const f of files) yield* JSON_LINES.has(extname(f).toLowerCase()) ? readJsonLines(join(path, f)) : readJsonFile(join(path, f));
  }
}

/** One parsed value (a line, a top-level object) → the items in it, sideloads before tickets. */
function* itemsOf(value: unknown, where: string): Generator<ExportItem> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* itemsOf(v, `${where}[${i}]`);
    return;
  }
  if (isRecord(value) && (Array.isArray(value.tickets) || Array.isArray(value.users) || Array.isArray(value.brands))) {
    for (const u of Array.isArray(value.users) ? value.users : []) yield { kind: 'user', raw: u };
    for (const b of Array.isArray(value.brands) ? value.brands : []) yield { kind: 'brand', raw: b };
    for (const [i, t] of (Array.isArray(value.tickets) ? value.tickets : []).entries()) yield { kind: 'ticket', raw: t, where: `${where}, tickets[${i}]` };
    return;
  }
  if (isRecord(value) && isRecord(value.ticket)) {
    yield { kind: 'ticket', raw: value.ticket, where };
    return;
  }
  // Page metadata without tickets (next_page, end_of_stream …) is not a ticket.
  if (isRecord(value) && !('id' in value) && ('next_page' in value || 'end_of_stream' in value || 'after_cursor' in value || 'count' in value)) return;
  yield { kind: 'ticket', raw: value, where };
}

async function* readJsonFile(file: string): AsyncGenerator<ExportItem> {
  const name = basename(file);
  try {
    for await (const event of streamExportJson(() => createReadStream(file, { highWaterMark: 256 * 1024 }))) {
      const where = event.path === '' ? name : `${name}, ${event.path}`;
      if (event.kind === 'item') {
        if (event.list === 'users') yield { kind: 'user', raw: event.value };
        else if (event.list === 'brands') yield { kind: 'brand', raw: event.value };
        else yield { kind: 'ticket', raw: event.value, where };
      } else if (event.streamed.length === 0) {
        yield* itemsOf(event.value, where);
      }
    }
  } catch (err) {
    if (err instanceof ExportJsonError) yield { kind: 'problem', message: `${name}: ${err.message} — the rest of this file cannot be read`, fatal: true };
    else yield { kind: 'problem', message: `${name}: ${(err as Error).message}`, fatal: true };
  }
}

async function* readJsonLines(file: string): AsyncGenerator<ExportItem> {
  const name = basename(file);
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      yield { kind: 'problem', message: `${name}, line ${lineNo}: not valid JSON (${(err as Error).message}) — line skipped`, fatal: false };
      continue;
    }
    yield* itemsOf(value, `${name}, line ${lineNo}`);
  }
}

function readSmallJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

async function* readApiFolder(dir: string): AsyncGenerator<ExportItem> {
  for (const side of ['users', 'brands'] as const) {
    const files = [join(dir, `${side}.json`), ...(existsSync(join(dir, side)) ? readdirSync(join(dir, side)).filter((f) => f.endsWith('.json')).sort(natural).map((f) => join(dir, side, f)) : [])];
    for (const file of files.filter((f) => existsSync(f))) {
      try {
        const value = readSmallJson(file);
        const list = isRecord(value) ? (value[side] ?? (side === 'users' ? value.user : value.brand)) : value;
        for (const raw of Array.isArray(list) ? list : [list]) yield { kind: side === 'users' ? 'user' : 'brand', raw };
      } catch (err) {
        yield { kind: 'problem', message: `${file}: ${(err as Error).message} — skipped`, fatal: false };
      }
    }
  }
  const ticketFiles = readdirSync(join(dir, 'tickets')).filter((f) => f.endsWith('.json')).sort(natural);
  for (const f of ticketFiles) {
    const where = `tickets/${f}`;
    let value: unknown;
    try {
      value = readSmallJson(join(dir, 'tickets', f));
    } catch (err) {
      yield { kind: 'problem', message: `${where}: not valid JSON (${(err as Error).message}) — ticket skipped`, fatal: false };
      continue;
    }
    const ticket = isRecord(value) && isRecord(value.ticket) ? value.ticket : value;
    const id = isRecord(ticket) ? ticket.id : undefined;
    const stem = f.slice(0, -'.json'.length);
    const commentsFile = [join(dir, 'comments', `${String(id)}.json`), join(dir, 'comments', `${stem}.json`)].find((c) => existsSync(c));
    if (isRecord(ticket) && !('comments' in ticket) && commentsFile) {
      let pages: unknown;
      try {
        pages = readSmallJson(commentsFile);
      } catch (err) {
        yield { kind: 'problem', message: `comments/${basename(commentsFile)}: not valid JSON (${(err as Error).message}) — ticket ${String(id)} skipped`, fatal: false };
        continue;
      }
      // One response {"comments": [...], "users"?: [...]}, an array of such pages, or a bare array of comments.
      const list = Array.isArray(pages) && pages.every((p) => isRecord(p) && Array.isArray(p.comments)) ? pages : [pages];
      const comments: unknown[] = [];
      for (const page of list) {
        if (isRecord(page)) {
          for (const u of Array.isArray(page.users) ? page.users : []) yield { kind: 'user', raw: u };
          if (Array.isArray(page.comments)) comments.push(...(page.comments as unknown[]));
          else comments.push(page.comments); // reported as malformed by the ticket reader
        } else if (Array.isArray(page)) comments.push(...(page as unknown[]));
      }
      yield { kind: 'ticket', raw: { ...ticket, comments: list.length === 1 && isRecord(list[0]) && !Array.isArray(list[0].comments) ? list[0].comments : comments }, where };
      continue;
    }
    yield { kind: 'ticket', raw: ticket, where };
  }
}
