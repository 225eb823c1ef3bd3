import { describe, expect, test } from 'vitest';
import { orderForTicket, suggestFrameworks, type Framework, type TicketFacts } from './index';
import { parseFramework } from './validate';
import { builtIns } from './seeds.testing';

const verdict = (level: string, ...reasons: string[]): TicketFacts['verdict'] => ({ level, reasons: reasons.map((id) => ({ id, spans: [] })) });
const ids = (v: TicketFacts['verdict'], promiseMade = false) => suggestFrameworks(builtIns(), v, { promiseMade }).map((s) => s.id);

describe('suggests, best first', () => {
  test.each<[string, TicketFacts['verdict'], boolean, string[]]>([
    ['repeat contact → reflect-and-verify', verdict('tense', 'repeat-contact'), false, ['reflect-and-verify', 'acknowledge-align-assure']],
    ['cancel threat → options', verdict('calm', 'cancel-threat'), false, ['options']],
    ['a promise already made → follow-up', verdict('calm'), true, ['follow-up']],
    ['heated → acknowledge-align-assure first', verdict('heated', 'repeat-contact', 'cancel-threat'), true, ['acknowledge-align-assure', 'follow-up', 'reflect-and-verify', 'options']],
    ['a supervisor demand → escalation-handoff', verdict('tense', 'supervisor-demand'), false, ['escalation-handoff', 'acknowledge-align-assure']],
    ['the stronger reason wins a tie', verdict('calm', 'cancel-threat', 'repeat-contact'), false, ['options', 'reflect-and-verify']],
    ['disappointment → apology-with-goodwill', verdict('calm', 'negative-emotion'), false, ['apology-with-goodwill']],
    ['a promise with no verdict yet', null, true, ['follow-up']],
  ])('%s', (_, v, promise, expected) => expect(ids(v, promise)).toEqual(expected));

  test('each suggestion says why in one line, in the asked locale', () => {
    const out = suggestFrameworks(builtIns(), verdict('heated', 'repeat-contact'), { locale: 'de' });
    expect(out[0]).toEqual({ id: 'acknowledge-align-assure', why: expect.stringMatching(/^Die Stimmung ist aufgeheizt/) });
    for (const s of out) expect(s.why).not.toMatch(/\n/);
  });

  test('a why given as a key comes back as the key', () => {
    const parsed = parseFramework({ id: 'k', version: 1, name: { en: 'K' }, body: { en: 'K' }, provides: [], suggestWhen: [{ reasons: ['urgency'], why: 'frameworks.why.urgency' }] });
    const fw = parsed.ok ? parsed.value : (null as never);
    expect(suggestFrameworks([fw], verdict('calm', 'urgency'), {})).toEqual([{ id: 'k', why: 'frameworks.why.urgency' }]);
  });
});

describe('does not suggest', () => {
  test.each<[string, TicketFacts['verdict'], boolean]>([
    ['for a calm ticket with no reasons', verdict('calm'), false],
    ['for politeness alone', verdict('calm', 'politeness'), false],
    ['when the text could not be read', verdict('not-assessed'), false],
    ['with no verdict and no promise', null, false],
  ])('%s', (_, v, promise) => expect(ids(v, promise)).toEqual([]));

  test('from an empty list', () => expect(suggestFrameworks([], verdict('heated'), {})).toEqual([]));
});

test('the full list puts suggestions first and keeps the rest in order', () => {
  const all: Framework[] = builtIns();
  const ordered = orderForTicket(all, suggestFrameworks(all, verdict('calm', 'cancel-threat'), {}));
  expect(ordered[0]!.id).toBe('options');
  expect(ordered.slice(1).map((f) => f.id)).toEqual(all.filter((f) => f.id !== 'options').map((f) => f.id));
});
