import { describe, expect, test } from 'vitest';
import { feelingFor, firstName, mirrorSentence, ticketVariables, type TicketFacts } from './index';

const person = (requesterName: string | null, requesterEmail: string | null = null, brandName: string | null = 'Acme') => ({ requesterName, requesterEmail, brandName });

describe('greets by first name', () => {
  test.each<[string | null, string | null, string, string]>([
    ['Ana Souza', null, 'en', 'Ana'],
    ['ana souza', null, 'en', 'Ana'],
    ['JEAN-LUC PICARD', null, 'fr', 'Jean-Luc'],
    ['Dr. Maria García', null, 'es', 'Maria'],
    ['Smith, John', null, 'en', 'John'],
    ["O'Brien", null, 'en', "O'Brien"],
    ['DeShawn Jones', null, 'en', 'DeShawn'],
    ['  Zoë   Kravitz ', null, 'en', 'Zoë'],
    ['山田 太郎', null, 'en', '山田 太郎'],
    ['taro yamada', null, 'ja', 'Taro Yamada'],
    ['Ana', 'ana.souza@example.com', 'en', 'Ana'],
  ])('%s (%s, %s) → %s', (name, email, locale, expected) => expect(firstName(person(name, email), locale)).toBe(expected));
});

describe('does not greet by name', () => {
  test.each<[string | null, string | null]>([
    [null, null],
    ['', null],
    ['ana@example.com', null],
    ['jsmith', 'jsmith@example.com'],
    ['john.smith', null],
    ['user_4411', null],
    ['Acme', null],
    ['Acme Support Team', null],
    ['Globex Inc.', null],
    ['Müller GmbH', null],
    ['Billing', null],
    ['Customer', null],
    ['J.', null],
    ['X', null],
    ['<script>', null],
  ])('%s', (name, email) => expect(firstName(person(name, email), 'en')).toBeNull());

  test.each([
    ['en', 'Hello,', 'there'],
    ['es', 'Hola:', ''],
    ['fr', 'Bonjour,', ''],
    ['de', 'Guten Tag,', ''],
    ['pt-BR', 'Olá,', ''],
    ['ja', 'お客様', 'お客'],
  ])('a safe greeting in %s', (locale, greeting, word) => {
    const vars = ticketVariables({ ...FACTS, requesterName: 'support@acme.test' }, locale);
    expect([vars.greeting, vars.firstName]).toEqual([greeting, word]);
  });
});

const FACTS: TicketFacts = {
  requesterName: 'Ana Souza',
  requesterEmail: 'ana@example.com',
  requesterLocale: 'pt-BR',
  agentName: ' Sam Lee ',
  brandName: 'Acme',
  ticketId: 1001,
  subject: ' Refund missing ',
  latestCustomerText: null,
  verdict: null,
};
const verdict = (...reasons: [string, ...string[]][]): TicketFacts['verdict'] => ({
  level: 'heated',
  reasons: reasons.map(([id, ...spans]) => ({ id, spans: spans.map((text) => ({ text })) })),
});
const mirror = (text: string | null, v: TicketFacts['verdict'] = null, locale = 'en') => mirrorSentence({ latestCustomerText: text, verdict: v }, locale);

describe('mirrors the customer', () => {
  test.each<[string, string, TicketFacts['verdict'], string]>([
    ['the sentence with the top reason', 'Hi team. My order is late. This is the third time I am writing about it! Please help.', verdict(['repeat-contact', 'third time']), '“This is the third time I am writing about it!”'],
    ['skipping an unquotable reason', 'You idiots lost my parcel. I need it by Friday for the wedding.', verdict(['insult', 'idiots'], ['urgency', 'by Friday']), '“I need it by Friday for the wedding”'],
    ['masking an insult in the chosen sentence', 'I need it by Friday, you idiots.', verdict(['urgency', 'by Friday'], ['insult', 'idiots']), '“I need it by Friday, you …”'],
    ['calming a shouted sentence', 'WHERE IS MY REFUND I HAVE WAITED FOR WEEKS???', verdict(['shouting', 'WHERE IS MY REFUND']), '“Where is my refund I have waited for weeks?”'],
    ['the first real sentence when no reason matches', 'Hello, I would like to change my billing address. Thanks', null, '“I would like to change my billing address”'],
    ['without the quoted history', 'Still waiting for my refund.\n\nOn Mon, 3 May, Acme wrote:\n> We will refund you', verdict(['repeat-contact', 'We will refund you']), '“Still waiting for my refund”'],
    ['without markup', '<p>The app <b>crashes</b> every time I log in.</p>', verdict(['negative-emotion', 'crashes']), '“The app crashes every time I log in”'],
    ['keeping numbers with dots', 'Version 2.4.1 broke the export for our whole team.', null, '“Version 2.4.1 broke the export for our whole team”'],
    ['without their quote marks', 'You said "tomorrow" three days ago.', verdict(['accusation', 'You said']), '“You said tomorrow three days ago”'],
  ])('%s', (_, text, v, expected) => expect(mirror(text, v)).toBe(expected));

  test('trims a long sentence at a word', () => {
    const out = mirror(`I have been waiting ${'and waiting '.repeat(30)}for my refund.`);
    expect(out.length).toBeLessThanOrEqual(163);
    expect(out).toMatch(/^“I have been waiting( and waiting)+( and)?…”$/);
  });

  test.each([
    ['es', '«Mi pedido no ha llegado todavía»'],
    ['fr', '«\u00a0Mi pedido no ha llegado todavía\u00a0»'],
    ['de', '„Mi pedido no ha llegado todavía“'],
    ['ja', '「Mi pedido no ha llegado todavía」'],
  ])('in %s quotes', (locale, expected) => expect(mirror('Hola. Mi pedido no ha llegado todavía.', null, locale)).toBe(expected));

  test('Japanese sentences', () => {
    expect(mirror('お世話になっております。注文した商品がまだ届いていません。至急対応してください。', verdict(['urgency', '至急']), 'ja')).toBe('「至急対応してください」');
  });
});

describe('does not mirror', () => {
  test.each<[string, string | null, TicketFacts['verdict']]>([
    ['no text', null, null],
    ['only a greeting', 'Hi team,', null],
    ['only quoted history', '> Your refund is on its way', null],
    ['only short words', 'Thanks! Ok.', null],
    ['only the insult', 'Idiots.', verdict(['insult', 'Idiots'])],
  ])('%s', (_, text, v) => expect(mirror(text, v)).toBe(''));
});

describe('names the feeling', () => {
  test.each<[TicketFacts['verdict'], string, string]>([
    [verdict(['repeat-contact']), 'en', 'frustrating'],
    [verdict(['politeness'], ['cancel-threat']), 'en', 'disappointing'],
    [verdict(['urgency']), 'de', 'dringend'],
    [verdict(['negative-emotion']), 'pt-BR', 'estressante'],
    [verdict(['legal-threat']), 'ja', 'ご不安な'],
    [verdict(['sarcasm']), 'fr', 'décevant'],
    [null, 'es', 'molesto'],
    [verdict(['politeness']), 'en', 'inconvenient'],
  ])('%j in %s → %s', (v, locale, expected) => expect(feelingFor(v, locale)).toBe(expected));
});

describe('ticket variables', () => {
  test('are plain, trimmed text for every name a body may use', () => {
    expect(ticketVariables({ ...FACTS, latestCustomerText: 'My refund is missing since May.', verdict: verdict(['repeat-contact', 'missing']) }, 'pt-BR')).toEqual({
      greeting: 'Olá, Ana,',
      firstName: 'Ana',
      agentName: 'Sam Lee',
      brand: 'Acme',
      ticketId: '1001',
      subject: 'Refund missing',
      mirror: '“My refund is missing since May”',
      feeling: 'frustrante',
    });
  });

  test('missing facts give empty values, never "null"', () => {
    const vars = ticketVariables({ ...FACTS, agentName: null, brandName: null, ticketId: null }, 'en');
    expect([vars.agentName, vars.brand, vars.ticketId]).toEqual(['', '', '']);
  });
});
