import { describe, expect, test } from 'vitest';
import { checkDraft, type Category, type ElementId } from './index';
import { shippedRules } from './seeds.testing';

const rules = shippedRules();
const flagsOf = (text: string) => checkDraft(text, rules).flags;

describe('flags', () => {
  test.each<[Category, string, string]>([
    ['policy-wall', "I'm afraid that's our policy.", "that's our policy"],
    ['policy-wall', 'Per company policy we cannot refund opened items.', 'Per company policy'],
    ['policy-wall', 'That’s just how the process works.', 'That’s just how the process works'],
    ['policy-wall', 'Our policy does not allow refunds after 30 days.', 'Our policy does not allow'],
    ['policy-wall', "We can't make exceptions.", "We can't make exceptions"],
    ['policy-wall', 'We cannot make an exception.', 'We cannot make an exception'],
    ['helpless', "There's nothing I can do.", "There's nothing I can do"],
    ['helpless', 'There is nothing more we can do about it.', 'There is nothing more we can do'],
    ['helpless', 'It is out of my hands.', 'out of my hands'],
    ['helpless', "That's not my department.", "That's not my department"],
    ['dismissive', 'Please calm down.', 'calm down'],
    ['dismissive', "You're overreacting.", "You're overreacting"],
    ['dismissive', 'There is no need to get upset.', 'There is no need to get upset'],
    ['blame', 'You should have read the FAQ.', 'You should have'],
    ['blame', 'You forgot to add the coupon.', 'You forgot to'],
    ['blame', 'You entered the wrong address.', 'You entered the wrong'],
    ['blame', "That's your mistake.", "That's your mistake"],
    ['blame', 'Did you even read the instructions?', 'Did you even read'],
    ['blame', 'Have you actually tried restarting it?', 'Have you actually tried'],
    ['commanding', 'You need to reset your password.', 'You need to'],
    ['commanding', 'You must send the receipt.', 'You must'],
    ['commanding', 'I need you to restart the router.', 'I need you to'],
    ['repetition', 'As I already said, the label is printed.', 'As I already said'],
    ['repetition', 'As I explained, the label is printed.', 'As I explained'],
    ['repetition', 'Per my last email, the label is printed.', 'Per my last email'],
    ['repetition', "As I've already explained, no.", "As I've already explained"],
    ['repetition', 'As mentioned in my previous email, no.', 'As mentioned in my previous email'],
    ['canned', 'We apologize for any inconvenience.', 'We apologize for any inconvenience'],
    ['canned', 'Sorry for the inconvenience!', 'Sorry for the inconvenience'],
    ['canned', 'We value your business.', 'We value your business'],
    ['over-apology', "I'm so sorry. I am so sorry for this.", 'I am so sorry'],
    ['over-apology', 'I apologize. I apologise again.', 'I apologise'],
    ['condescending', 'Obviously the button is on the left.', 'Obviously'],
    ['condescending', 'Just click Reset.', 'Just'],
    ['condescending', 'Basically, the code expired.', 'Basically'],
    ['condescending', 'Simply log in again.', 'Simply'],
    ['condescending', 'Of course, the code expired.', 'Of course'],
    ['condescending', 'The code is clearly printed on the box.', 'clearly'],
    ['condescending', "It's easy to change.", "It's easy"],
    ['condescending', 'To be honest, this rarely happens.', 'To be honest'],
    ['minimizing', "It's just a small delay.", "It's just a small"],
    ['minimizing', 'At least you still have the old phone.', 'At least you'],
    ['minimizing', "It's not a big deal.", "It's not a big deal"],
    ['but-cancel', 'I understand your frustration, but the sale is final.', 'I understand your frustration, but'],
    ['but-cancel', "I'm sorry, however we can't.", "I'm sorry, however"],
    ['idiom', "Let's touch base tomorrow.", 'touch base'],
    ['idiom', 'I will circle back on this.', 'circle back'],
    ['idiom', 'The ball is in your court.', 'The ball is in your court'],
    ['idiom', 'Can you give me a ballpark?', 'ballpark'],
  ])('%s: %s', (category, text, matched) => {
    expect(flagsOf(text).filter((f) => f.category === category).map((f) => f.text)).toEqual([matched]);
  });

  test('long-sentence: more than 35 words, as one span', () => {
    const long = `${Array.from({ length: 36 }, (_, i) => `w${i}`).join(' ')}. Short one.`;
    const flags = flagsOf(long).filter((f) => f.category === 'long-sentence');
    expect(flags.map((f) => [f.start, f.end])).toEqual([[0, long.indexOf('.')]]);
  });

  test('contractions, curly quotes and case are one pattern', () => {
    for (const text of ['THAT IS OUR POLICY', 'That’s our policy', "that's  our\tpolicy"]) {
      expect(flagsOf(text).map((f) => f.ruleId)).toEqual(['policy-wall.our-policy']);
    }
  });

  test('severity follows tension through rule data', () => {
    const at = (tension: 'calm' | 'tense' | 'heated') => checkDraft("That's our policy.", rules, { tension }).flags[0]!.severity;
    expect([at('calm'), at('tense'), at('heated')]).toEqual(['hint', 'warning', 'severe']);
    const idiom = (tension: 'calm' | 'heated') => checkDraft('Let us touch base.', rules, { tension }).flags[0]!.severity;
    expect([idiom('calm'), idiom('heated')]).toEqual(['hint', 'hint']);
  });

  test('flags carry a why, and replacements that fit the matched words or a tip', () => {
    const [calm] = flagsOf('Please calm down.');
    expect(calm).toMatchObject({ ruleId: 'dismissive.calm-down', start: 7, end: 16, suggestions: [] });
    expect(calm!.why).toMatch(/\w/);
    expect(calm!.tip).toMatch(/frustrating/);
    const [command] = flagsOf('You need to restart the router.');
    expect(command).toMatchObject({ ruleId: 'commanding.you-need-to', text: 'You need to', suggestions: ['could you please'] });
  });
});

describe('does not flag', () => {
  test.each([
    'our refund policy lets me refund you today',
    "you don't need to do anything",
    'just to confirm',
    'at least one of these options',
    '> Calm down? That is your policy, you need to fix it!',
    'You wrote "you should have told me" and you are right.',
    'You wrote “calm down, that’s our policy” in your note.',
    'If you need to reach me, reply here.',
    'You must be so frustrated.',
    'You should have received a confirmation email.',
    "I've just issued the refund.",
    'Of course we can refund you.',
    'I will explain this more clearly.',
    'There is nothing you need to do.',
    'It takes at least two days.',
    "I'm sorry your parcel is late.",
    "Is there anything else I can do?",
    'I see your error code here.',
  ])('%s', (text) => {
    expect(flagsOf(text)).toEqual([]);
  });

  test('one apology is not over-apology', () => {
    expect(flagsOf("I'm so sorry about this. I've refunded you.")).toEqual([]);
  });

  test('35 words is not a long sentence', () => {
    expect(flagsOf(`${Array.from({ length: 35 }, (_, i) => `w${i}`).join(' ')}.`)).toEqual([]);
  });

  test('a match never crosses a sentence end', () => {
    expect(flagsOf("There's nothing. I can do that today.")).toEqual([]);
  });
});

const elementOf = (text: string, element: ElementId) => checkDraft(text, rules).elements[element];

describe('elements present', () => {
  test.each<[ElementId, string, string]>([
    ['acknowledgment', 'I know how frustrating this must be.', 'I know how'],
    ['acknowledgment', 'That sounds really stressful.', 'That sounds really stressful'],
    ['acknowledgment', "I'm so sorry your parcel arrived damaged.", "I'm so sorry your"],
    ['acknowledgment', 'You must be so frustrated.', 'You must be so frustrated'],
    ['acknowledgment', 'I completely understand why you are upset.', 'I completely understand why'],
    ['next-step', "I've issued a full refund.", "I've issued"],
    ['next-step', "I'm escalating this to our carrier team.", "I'm escalating"],
    ['next-step', 'Could you send me a photo of the label?', 'Could you send'],
    ['owner', 'I will call the courier.', 'I will'],
    ['owner', 'My colleague Ana will call you.', 'colleague Ana will'],
    ['owner', 'Ana will call you back.', 'Ana will call'],
    ['owner', 'Tomás from our returns team will handle it.', 'Tomás from our returns team will'],
    ['time-window', 'It will arrive by 5 pm today.', 'by 5 pm'],
    ['time-window', 'You will hear back within 24 hours.', 'within 24 hours'],
    ['time-window', 'I will have it sorted by Friday.', 'by Friday'],
    ['time-window', 'Expect it by 5:30pm.', 'by 5:30pm'],
    ['time-window', 'Expect a call Monday morning.', 'Monday morning'],
    ['choice', 'Either a refund or a replacement works.', 'Either a refund or'],
    ['choice', 'Would you prefer a call?', 'Would you prefer'],
    ['choice', 'Here is one option.', 'option'],
    ['follow-up', "I'll check back tomorrow.", "I'll check back"],
    ['follow-up', "I'll update you as soon as I hear.", "I'll update you"],
    ['follow-up', "I'll keep you posted.", "I'll keep you posted"],
  ])('%s: %s', (element, text, matched) => {
    expect(elementOf(text, element)).toMatchObject({ present: true, text: matched });
  });
});

describe('elements absent', () => {
  test.each<[ElementId, string]>([
    ['acknowledgment', 'I understand your frustration, but the sale is final.'],
    ['acknowledgment', 'Sorry for the inconvenience.'],
    ['next-step', "I can't refund this order."],
    ['owner', 'I will not be able to refund it.'],
    ['owner', 'The team handles refunds.'],
    ['owner', 'She will call you back.'],
    ['owner', 'Billing will email you a receipt.'],
    ['owner', 'ANA WILL CALL YOU.'],
    ['time-window', 'Thanks for contacting us.'],
    ['time-window', 'Set it to 50%.'],
    ['time-window', 'Monday is a bank holiday.'],
    ['choice', 'The refund is on its way.'],
    ['follow-up', 'Please check back later.'],
    ['follow-up', 'Let us know if that helps.'],
  ])('%s: %s', (element, text) => {
    expect(elementOf(text, element)).toEqual({ present: false });
  });
});
