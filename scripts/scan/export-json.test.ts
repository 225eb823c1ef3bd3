import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ExportJsonError, streamExportJson, type JsonEvent } from './export-json';

/** The text in pieces cut at `cuts`, as strings or as UTF-8 bytes (a cut may then split a character). */
function source(text: string, cuts: number[] = [], bytes = false): () => AsyncIterable<string | Uint8Array> {
  const whole = bytes ? new TextEncoder().encode(text) : text;
  return async function* () {
    let from = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      yield whole.slice(from, Math.min(cut, whole.length));
      from = Math.min(cut, whole.length);
    }
    yield whole.slice(from);
  };
}

async function scan(text: string, cuts: number[] = [], bytes = false): Promise<JsonEvent[]> {
  const events: JsonEvent[] = [];
  for await (const event of streamExportJson(source(text, cuts, bytes))) events.push(event);
  return events;
}

/** The events up to the error, and the error. */
async function scanBroken(text: string, cuts: number[] = []): Promise<[JsonEvent[], unknown]> {
  const events: JsonEvent[] = [];
  try {
    for await (const event of streamExportJson(source(text, cuts))) events.push(event);
  } catch (err) {
    return [events, err];
  }
  return [events, undefined];
}

const values = (events: JsonEvent[]) => events.map((e) => (e.kind === 'item' ? [e.list, e.value] : ['record', e.value]));

describe('streams', () => {
  test.each<[string, string, unknown[]]>([
    ['a page: tickets and users element by element, the rest as a record', '{"users":[{"id":1}],"tickets":[{"id":5},{"id":6}],"count":2}', [['users', { id: 1 }], ['tickets', { id: 5 }], ['tickets', { id: 6 }], ['record', { count: 2 }]]],
    ['pages one after another', '{"tickets":[{"id":1}]}{"tickets":[{"id":2}]}\n{"tickets":[]}', [['tickets', { id: 1 }], ['record', {}], ['tickets', { id: 2 }], ['record', {}], ['record', {}]]],
    ['JSON Lines of tickets', '{"id":1,"comments":[]}\n{"id":2,"comments":[{"body":"]}\\""}]}\n', [['record', { id: 1, comments: [] }], ['record', { id: 2, comments: [{ body: ']}"' }] }]]],
    ['an array of tickets', ' [ {"id":1} , {"id":2} ] ', [['record', { id: 1 }], ['record', { id: 2 }]]],
    ['an array of pages', '[{"tickets":[{"id":1}]},{"tickets":[]}]', [['tickets', { id: 1 }], ['record', {}], ['record', {}]]],
    ['literals and escapes', '{"a":-1.5e3,"b":true,"c":null,"d":"\\\\","e":"\\u00e9\\"x"}', [['record', { a: -1500, b: true, c: null, d: '\\', e: 'é"x' }]]],
    ['tickets nested deeper are not streamed', '{"id":1,"x":{"tickets":[1]}}', [['record', { id: 1, x: { tickets: [1] } }]]],
    ['a "tickets" that is not an array stays in the record', '{"tickets":null}', [['record', { tickets: null }]]],
    ['a byte-order mark is dropped', '\ufeff{"id":1}', [['record', { id: 1 }]]],
    ['empty input', '  \n', []],
  ])('%s', async (_, text, expected) => {
    expect(values(await scan(text))).toEqual(expected);
  });

  test('"__proto__" is an own key, as with JSON.parse', async () => {
    const [event] = await scan('{"__proto__":{"x":1},"tickets":[{"__proto__":2}]}');
    expect(event).toMatchObject({ kind: 'item', value: JSON.parse('{"__proto__":2}') as unknown });
    const [record] = await scan('{"__proto__":{"x":1},"tickets":[]}');
    expect(Object.getPrototypeOf((record as JsonEvent).value)).toBe(Object.prototype);
    expect(Object.keys((record as JsonEvent).value as object)).toEqual(['__proto__']);
  });

  test('each event says where it sits', async () => {
    const paths = async (text: string) => (await scan(text)).map((e) => e.path);
    expect(await paths('{"tickets":[{"id":1},{"id":2}]}')).toEqual(['tickets[0]', 'tickets[1]', '']);
    expect(await paths('[{"id":1},{"tickets":[{"id":2}]}]')).toEqual(['[0]', '[1].tickets[0]', '[1]']);
    expect(await paths('{"id":1}\n{"id":2}')).toEqual(['', 'value 2']);
    expect(await paths('{"id":1}\n{"tickets":[{"id":2}]}')).toEqual(['', 'value 2, tickets[0]', 'value 2']);
  });

  test('property: any split of the input, as text or as UTF-8 bytes, gives the same events', async () => {
    const ticket = fc.record({ id: fc.nat(), comments: fc.array(fc.record({ body: fc.string({ unit: 'grapheme' }), public: fc.boolean() }), { maxLength: 3 }) });
    const doc = fc.oneof(
      fc.array(ticket, { maxLength: 4 }).map((tickets) => JSON.stringify({ users: [{ id: 1, role: 'agent' }], tickets, next_page: null })),
      fc.array(ticket, { maxLength: 4 }).map((ts) => ts.map((t) => JSON.stringify(t)).join('\n')),
      fc.array(ticket, { maxLength: 4 }).map((ts) => JSON.stringify(ts)),
    );
    await fc.assert(
      fc.asyncProperty(doc, fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), async (text, cuts, bytes) => {
        const whole = await scan(text);
        expect(await scan(text, cuts.map((c) => c % (text.length * 4 + 1)), bytes)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  test('a backslash at the end of a chunk does not end the string early', async () => {
    const text = '{"id":1,"s":"a\\\\\\"b\\\\"}';
    for (let i = 0; i <= text.length; i++) expect(values(await scan(text, [i]))).toEqual([['record', { id: 1, s: 'a\\"b\\' }]]);
  });
});

describe('rejects', () => {
  test.each<[string, RegExp]>([
    ['{"id":1,}', /^not valid JSON \(unexpected token '}'; line 1, column 9\) at character 8$/],
    ['{"id" 1}', /^not valid JSON \(.*expected ':'.*\) at character 6$/],
    ['{"id":tru}', /^not valid JSON \(.*\) at character 6$/],
    ['{"id":1}\n{"id":2,\n"x":]}', /^not valid JSON \(.*; line 3, column 5\) at character 22$/],
    ['{"tickets":[{"id":1}', /^the JSON ends in the middle of a value \(truncated file\?\) at character 20$/],
    ['{"id":"abc', /ends in the middle/],
    ['"just a string"', /^expected "\{" or "\[" to start a ticket or page, found a string \(top-level value 1\)$/],
    ['{"id":1} 5', /^expected "\{" or "\[" to start a ticket or page, found a number \(top-level value 2\)$/],
    ['[{"id":1},1]', /^expected an object \(a ticket or a page of tickets\), found a number at \[1\]$/],
    ['[[]]', /expected an object .*found an array at \[0\]/],
  ])('%j', async (text, message) => {
    const [, err] = await scanBroken(text);
    expect(err).toBeInstanceOf(ExportJsonError);
    expect((err as Error).message).toMatch(message);
  });

  test('broken JSON: every value before the break is handed on once, wherever the chunks end', async () => {
    const good = Array.from({ length: 5 }, (_, i) => JSON.stringify({ id: i + 1, body: 'x'.repeat(i * 7) }));
    const text = `{"tickets":[${good.join(',')},{"id":6,,}]}`;
    const at = text.indexOf(',,') + 1;
    for (let cut = 0; cut <= text.length; cut += 3) {
      const [events, err] = await scanBroken(text, [cut, cut + 17]);
      expect(values(events)).toEqual(good.map((g) => ['tickets', JSON.parse(g) as unknown]));
      expect((err as ExportJsonError).offset).toBe(at);
    }
  });

  test('broken JSON after a structural problem: the first problem is reported', async () => {
    const [events, err] = await scanBroken('[{"id":1},2,{"id":3,,}]');
    expect(values(events)).toEqual([['record', { id: 1 }]]);
    expect((err as Error).message).toMatch(/found a number at \[1\]/);
  });
});
