import { describe, expect, test } from 'vitest';
import { fillFramework, ticketVariables, type Framework, type TicketFacts } from './index';
import { parseFramework } from './validate';
import { builtIns, UI_LOCALES } from './seeds.testing';

const fw = (body: string, slots: unknown[] = []): Framework => {
  const parsed = parseFramework({ id: 't', version: 1, name: { en: 'T' }, body: { en: body, es: `ES ${body}`, pt: `PT ${body}` }, provides: [], slots });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
};
const text = (body: string, vars: Record<string, string>, slots: Record<string, string | string[]> = {}, specs: unknown[] = []) =>
  fillFramework(fw(body, specs), 'en', vars, slots).text;

describe('fills', () => {
  test.each<[string, string, Record<string, string>, Record<string, string | string[]>, unknown[], string]>([
    ['a variable', 'Hi {{firstName}},', { firstName: 'Ana' }, {}, [], 'Hi Ana,'],
    ['a slot', 'Next: {{step}}.', {}, { step: 'a refund' }, [{ id: 'step', type: 'text' }], 'Next: a refund.'],
    ['a section when its value is there', '{{#mirror}}You wrote {{mirror}}. {{/mirror}}Thanks.', { mirror: '“late”' }, {}, [], 'You wrote “late”. Thanks.'],
    ['the inverted section when it is not', '{{#mirror}}You wrote {{mirror}}.{{/mirror}}{{^mirror}}Thanks for writing.{{/mirror}}', {}, {}, [], 'Thanks for writing.'],
    ['nested sections', '{{#mirror}}A{{#feeling}}B{{/feeling}}{{/mirror}}', { mirror: '1', feeling: '1' }, {}, [], 'AB'],
    ['options as a list', 'Choose:\n{{options}}', {}, { options: ['one', 'two', 'three', 'four'] }, [{ id: 'options', type: 'options' }], 'Choose:\n• one\n• two\n• three'],
    ['facts, one per line', 'Checked:\n{{facts}}', {}, { facts: 'paid\n\nshipped' }, [{ id: 'facts', type: 'facts-checked' }], 'Checked:\n• paid\n• shipped'],
    ['a single fact inline', 'Checked: {{facts}}.', {}, { facts: ['paid'] }, [{ id: 'facts', type: 'facts-checked' }], 'Checked: paid.'],
    ['the owner from the agent', '{{owner}} has it.', { agentName: 'Sam' }, {}, [{ id: 'owner', type: 'owner' }], 'Sam has it.'],
    ['a slot default with variables', 'Ask {{who}}.', { brand: 'Acme' }, {}, [{ id: 'who', type: 'text', default: 'the {{brand}} team' }], 'Ask the Acme team.'],
    ['a value that ends its own sentence', 'Next: {{step}}. Then', {}, { step: 'we refund you.' }, [{ id: 'step', type: 'text' }], 'Next: we refund you. Then'],
    ['a quote that ends a sentence', 'You wrote: {{mirror}}. I', { mirror: '„Wo ist es?“' }, {}, [], 'You wrote: „Wo ist es?“ I'],
    ['placeholders inside values as text', 'Re: {{subject}}', { subject: '{{agentName}} {{#x}}' }, {}, [], 'Re: {{agentName}} {{#x}}'],
  ])('%s', (_, body, vars, slots, specs, expected) => expect(text(body, vars, slots, specs)).toBe(expected));

  test.each([
    ['pt-BR', 'PT'],
    ['pt', 'PT'],
    ['es-419', 'ES'],
    ['ja', 'Hi'],
    ['xx', 'Hi'],
  ])('locale %s falls back to %s…', (locale, start) => {
    expect(fillFramework(fw('Hi'), locale, {}, {}).text.startsWith(start)).toBe(true);
  });
});

describe('does not leave gaps', () => {
  test.each<[string, string, Record<string, string>]>([
    ['no "Hi ," for a missing name', 'Hi {{firstName}},', {}],
    ['no "Hola, :"', 'Hola, {{firstName}}:', {}],
    ['no "Olá, ,"', 'Olá, {{firstName}},', {}],
    ['no double spaces', 'Thanks {{firstName}} for writing.', {}],
    ['no blank run where a section was', 'A\n\n{{#mirror}}B{{/mirror}}\n\nC', {}],
    ['no unknown placeholder', 'A {{nope}} B', {}],
  ])('%s', (_, body, vars) => {
    const out = fillFramework(fw(body.replace('{{nope}}', '')), 'en', vars, {}).text;
    expect(out).not.toMatch(/ [,:]|  |\n\n\n|\{\{/);
    // Rendered directly, an unknown name in a body an admin never validated still leaves nothing behind.
    expect(fillFramework({ ...fw('x'), body: { en: body } }, 'en', vars, {}).text).not.toMatch(/ [,:]|  |\n\n\n|\{\{/);
  });
});

describe('missing', () => {
  const specs = [
    { id: 'step', type: 'text', required: true },
    { id: 'note', type: 'text' },
    { id: 'options', type: 'options', required: true },
    { id: 'owner', type: 'owner', required: true },
  ];
  const body = '{{step}} {{note}} {{options}} {{owner}}';
  test.each<[string, Record<string, string>, Record<string, string | string[]>, string[]]>([
    ['everything empty, no agent', {}, {}, ['step', 'options', 'owner']],
    ['the owner defaults to the agent', { agentName: 'Sam' }, {}, ['step', 'options']],
    ['one option is not a choice', { agentName: 'Sam' }, { step: 'x', options: ['only'] }, ['options']],
    ['blank strings count as empty', { agentName: 'Sam' }, { step: '  ', options: ['a', ' '] }, ['step', 'options']],
    ['all given', {}, { step: 'x', options: ['a', 'b'], owner: 'Dana' }, []],
  ])('%s', (_, vars, slots, expected) => expect(fillFramework(fw(body, specs), 'en', vars, slots).missing).toEqual(expected));
});

describe('html', () => {
  test('escapes every value and keeps paragraphs, breaks and lists', () => {
    const f = fw('Hi {{firstName}},\n\nYou wrote {{mirror}}.\nChoose:\n{{options}}', [{ id: 'options', type: 'options' }]);
    const out = fillFramework(f, 'en', { firstName: '<b>Ana</b>', mirror: '“<img src=x onerror=alert(1)> & \'you\'”' }, { options: ['<script>x</script>', 'a "b"'] });
    expect(out.html).toBe(
      '<p>Hi &lt;b&gt;Ana&lt;/b&gt;,</p><p>You wrote “&lt;img src=x onerror=alert(1)&gt; &amp; &#39;you&#39;”.<br>Choose:</p><ul><li>&lt;script&gt;x&lt;/script&gt;</li><li>a &quot;b&quot;</li></ul>',
    );
    expect(out.text).toContain('<b>Ana</b>');
  });
});

const FACTS: TicketFacts = {
  requesterName: null,
  requesterEmail: 'anon@example.com',
  requesterLocale: null,
  agentName: 'Sam Lee',
  brandName: 'Acme',
  ticketId: 4242,
  subject: 'Refund <b>missing</b>',
  latestCustomerText: 'This is the third time I <b>write</b> & nobody <script>alert(1)</script> answers!! I want to cancel.',
  verdict: { level: 'heated', reasons: [{ id: 'repeat-contact', spans: [{ text: 'third time I' }] }, { id: 'cancel-threat', spans: [{ text: 'cancel' }] }] },
};
const ALL_SLOTS = {
  facts: ['Payment received <3 May>', 'Refund sent & confirmed'],
  nextStep: 'I have reissued the refund',
  owner: 'Dana <billing>',
  timeWindow: 'within 24 hours',
  checkIn: 'by Friday',
  options: ['a full refund today', 'a <replacement> this week'],
  impact: 'you have been waiting three weeks',
  agreed: 'a full refund',
  contact: 'call 0800 123',
  goal: 'getting your money back',
  whatWentWrong: 'the delay',
  fix: 'I reissued it',
  goodwill: 'a $20 credit',
  reason: 'it needs billing access',
  milestone: 'a first answer',
};

describe('every built-in in every UI locale', () => {
  const cases = builtIns().flatMap((f) => UI_LOCALES.map((l) => [f.id, l, f] as const));
  test.each(cases)('%s in %s: complete, no gaps, values escaped', (_, locale, framework) => {
    const vars = ticketVariables(FACTS, locale);
    const out = fillFramework(framework, locale, vars, ALL_SLOTS);
    expect(out.missing).toEqual([]);
    expect(out.text).not.toMatch(/\{\{|\}\}/);
    expect(out.text).not.toMatch(/^(Hi|Hello|Hola|Bonjour|Hallo|Guten Tag|Olá),?[ \t]+[,:]/m);
    expect(out.text.split('\n')[0]).toMatch(/^(Hello,|Hola:|Bonjour,|Guten Tag,|Olá,|お客様)$/);
    expect(out.text).not.toMatch(/ [,.:;]|  /);
    expect(out.html).not.toMatch(/<(?!\/?(p|br|ul|li)>)/);
    for (const slot of framework.slots) expect(out.missing).not.toContain(slot.id);
  });

  test.each(cases)('%s in %s: every required slot left empty is reported', (_, locale, framework) => {
    const required = framework.slots.filter((s) => s.required && s.type !== 'owner').map((s) => s.id);
    expect(fillFramework(framework, locale, ticketVariables(FACTS, locale), {}).missing).toEqual(expect.arrayContaining(required));
  });
});
