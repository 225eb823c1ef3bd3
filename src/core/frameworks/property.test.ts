import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fillFramework, parseFrameworksPolicy, ticketVariables, timeWindowPicks, type TicketFacts } from './index';
import { parseFramework } from './validate';
import { builtIns, UI_LOCALES } from './seeds.testing';

// Strings that like to break templates and markup.
const nasty = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '{', '}', '#', '^', '/', ' ', ',', '.', '\n', 'a', '。', '•'), maxLength: 60 }),
  fc.constantFrom('<script>alert(1)</script>', '{{agentName}}', '{{#mirror}}x{{/mirror}}', '<img src=x onerror=y>', '&lt;', '• <b>'),
);
const slotValue = fc.oneof(nasty, fc.array(nasty, { maxLength: 4 }));
const facts: fc.Arbitrary<TicketFacts> = fc.record({
  requesterName: fc.option(nasty),
  requesterEmail: fc.option(nasty),
  requesterLocale: fc.option(fc.constantFrom(...UI_LOCALES)),
  agentName: fc.option(nasty),
  brandName: fc.option(nasty),
  ticketId: fc.option(fc.nat()),
  subject: nasty,
  latestCustomerText: fc.option(fc.string({ maxLength: 400 })),
  verdict: fc.option(
    fc.record({
      level: fc.constantFrom('calm', 'tense', 'heated', 'not-assessed'),
      reasons: fc.array(fc.record({ id: fc.constantFrom('repeat-contact', 'insult', 'urgency', 'x'), spans: fc.array(fc.record({ text: nasty }), { maxLength: 3 }) }), { maxLength: 3 }),
    }),
  ),
});

/** Every "<" in the html opens one of the tags toHtml writes; nothing else. */
const onlyOurTags = (html: string) => html.replace(/<\/?(p|br|ul|li)>/g, '').includes('<') === false;

describe('fillFramework', () => {
  test('never throws and never lets a value write markup', () => {
    const frameworks = builtIns();
    fc.assert(
      fc.property(fc.nat(frameworks.length - 1), fc.constantFrom(...UI_LOCALES, 'pt', 'xx'), facts, fc.dictionary(fc.string({ maxLength: 12 }), slotValue), (i, locale, f, extra) => {
        const fw = frameworks[i]!;
        const slots = { ...extra, ...Object.fromEntries(fw.slots.map((s, k) => [s.id, Object.values(extra)[k] ?? '<b>x</b>'])) };
        const out = fillFramework(fw, locale, ticketVariables(f, locale), slots);
        expect(onlyOurTags(out.html)).toBe(true);
        expect(out.text).not.toMatch(/^\s|\s$/);
      }),
      { numRuns: 400 },
    );
  });

  test('any template an admin gets past the schema renders without throwing', () => {
    fc.assert(
      fc.property(nasty, fc.dictionary(fc.constantFrom('greeting', 'mirror', 'firstName', 'note'), nasty), (body, vars) => {
        const fw = { id: 'x', version: 1, name: { en: 'x' }, body: { en: body }, provides: [], suggestWhen: [], slots: [{ id: 'note', type: 'text' as const }] };
        const out = fillFramework(fw, 'en', vars, { note: vars.note ?? '' });
        expect(onlyOurTags(out.html)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('parsers', () => {
  test('parseFramework and parseFrameworksPolicy never throw on any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        parseFramework(raw);
        parseFrameworksPolicy(raw, ['options']);
      }),
    );
  });

  test('timeWindowPicks gives three picks for any instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(0), max: new Date(4102444800000), noInvalidDate: true }), fc.constantFrom(...UI_LOCALES), fc.constantFrom('UTC', 'Pacific/Kiritimati', 'America/Anchorage'), (now, locale, zone) => {
        expect(timeWindowPicks(now, locale, zone)).toHaveLength(3);
      }),
    );
  });
});
