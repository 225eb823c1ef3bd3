import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { JsonStreamScanner, JsonSyntaxError, type JsonEvent } from './json-stream';

function scan(text: string, cuts: number[] = []): JsonEvent[] {
  const s = new JsonStreamScanner();
  const events: JsonEvent[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    events.push(...s.write(text.slice(from, cut)));
    from = cut;
  }
  events.push(...s.write(text.slice(from)));
  events.push(...s.end());
  return events;
}
const values = (events: JsonEvent[]) => events.map((e) => (e.kind === 'item' ? [e.list, e.value] : ['record', e.value]));

describe('streams', () => {
  test.each<[string, string, unknown[]]>([
    ['a page: tickets and users element by element, the rest as a record', '{"users":[{"id":1}],"tickets":[{"id":5},{"id":6}],"count":2}', [['users', { id: 1 }], ['tickets', { id: 5 }], ['tickets', { id: 6 }], ['record', { count: 2 }]]],
    ['JSON Lines of tickets', '{"id":1,"comments":[]}\n{"id":2,"comments":[{"body":"]}\\""}]}\n', [['record', { id: 1, comments: [] }], ['record', { id: 2, comments: [{ body: ']}"' }] }]]],
    ['an array of tickets', ' [ {"id":1} , {"id":2} ] ', [['record', { id: 1 }], ['record', { id: 2 }]]],
    ['an array of pages', '[{"tickets":[{"id":1}]},{"tickets":[]}]', [['tickets', { id: 1 }], ['record', {}], ['record', {}]]],
    ['literals and escapes', '{"a":-1.5e3,"b":true,"c":null,"d":"\\\\","e":"\\u00e9\\"x"}', [['record', { a: -1500, b: true, c: null, d: '\\', e: 'é"x' }]]],
    ['tickets nested deeper are not streamed', '{"id":1,"x":{"tickets":[1]}}', [['record', { id: 1, x: { tickets: [1] } }]]],
    ['empty input', '  \n', []],
  ])('%s', (_, text, expected) => {
    expect(values(scan(text))).toEqual(expected);
  });

  test('property: any split of the input gives the same events', () => {
    const ticket = fc.record({ id: fc.nat(), comments: fc.array(fc.record({ body: fc.string({ unit: 'grapheme' }), public: fc.boolean() }), { maxLength: 3 }) });
    const doc = fc.oneof(
      fc.array(ticket, { maxLength: 4 }).map((tickets) => JSON.stringify({ users: [{ id: 1, role: 'agent' }], tickets, next_page: null })),
      fc.array(ticket, { maxLength: 4 }).map((ts) => ts.map((t) => JSON.stringify(t)).join('\n')),
    );
    fc.assert(
      fc.property(doc, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        expect(scan(text, cuts.map((c) => c % (text.length + 1)))).toEqual(scan(text));
      }),
      { numRuns: 300 },
    );
  });

  test('a backslash at the end of a chunk does not end the string early', () => {
    const text = '{"id":1,"s":"a\\\\\\"b\\\\"}';
    for (let i = 0; i <= text.length; i++) expect(values(scan(text, [i]))).toEqual([['record', { id: 1, s: 'a\\"b\\' }]]);
  });
});

describe('rejects', () => {
  test.each<[string, RegExp]>([
    ['{"id":1,}', /expected a key in quotes, found "}" at character 8/],
    ['{"id" 1}', /expected ":" after key "id"/],
    ['{"tickets":[{"id":1}', /ends in the middle/],
    ['"just a string"', /expected "\{" or "\[" to start a ticket or page/],
    ['[1]', /expected an object/],
    ['{"id":tru}', /not valid JSON/],
  ])('%j', (text, message) => {
    expect(() => scan(text)).toThrow(JsonSyntaxError);
    expect(() => scan(text)).toThrow(message);
  });
});
