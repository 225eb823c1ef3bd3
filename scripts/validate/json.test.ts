import { describe, expect, test } from 'vitest';
import { formatPath, parseJson } from './json';

const parse = (source: string) => parseJson(new TextEncoder().encode(source));

describe('parseJson', () => {
  test.each([
    ['{"a": 1, "b": {"c": [1, {"d": "}", "e": "\\"{"}]}}', []],
    ['{"a": 1, "a": 2}', [{ path: [], key: 'a', line: 1 }]],
    ['{\n  "x": {"k": 1},\n  "y": [{"k": 1,\n "k": 2}]\n}', [{ path: ['y', 0], key: 'k', line: 4 }]],
    ['{"a\\u0062": 1, "ab": 2}', [{ path: [], key: 'ab', line: 1 }]],
    ['[{}, [], "", 0, true, null]', []],
  ])('%s → duplicates %j', (source, duplicates) => {
    expect(parse(source)).toEqual({ ok: true, value: JSON.parse(source), duplicates });
  });

  test.each([
    ['{"a": 1,}', false],
    ['\ufeff{}', false],
    ['', false],
  ])('rejects %j', (source) => {
    expect(parse(source).ok).toBe(false);
  });

  test('rejects invalid UTF-8', () => {
    expect(parseJson(new Uint8Array([0x7b, 0xff, 0x7d]))).toEqual({ ok: false, message: 'not valid UTF-8 — save it as UTF-8' });
  });
});

test.each([
  [['parameters', 2, 'type'], 'parameters[2].type'],
  [['location', 'support', 'ticket_sidebar'], 'location.support.ticket_sidebar'],
  [['app', 'parameters', 'a b'], 'app.parameters["a b"]'],
  [[], ''],
])('formatPath(%j) = %s', (path, expected) => {
  expect(formatPath(path)).toBe(expected);
});
