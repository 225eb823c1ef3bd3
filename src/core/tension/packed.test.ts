// The sidebar classifies with rules packed at build time; they must give exactly the verdicts of the
// rules compiled from the seeds, on examples and on random text made of the rules' own words.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classifyMessage } from './index';
import { packTensionRules, unpackTensionRules } from './packed';
import { seedRules } from './test-seeds';

const compiled = seedRules();
// Through JSON, as the build writes it.
const packed = JSON.parse(JSON.stringify(packTensionRules(seedRules()))) as ReturnType<typeof packTensionRules>;
const revived = unpackTensionRules(packed);

const EXAMPLES = [
  'If this isn\'t fixed today I\'m cancelling my account!!',
  'please cancel my subscription, thanks',
  'Wow, five days for a reply. Stellar service.',
  'I WANT TO SPEAK TO YOUR MANAGER. My lawyer will be in touch.',
  'Hi team,\n\nCould you send the March invoice?\n\nThanks,\nMaria',
  'Das ist nicht akzeptabel, ich kündige.',
  'Thanks for nothing 😡 third time I ask, you people are useless',
  // Words only lists name (hypotheticals, acronyms) must survive packing.
  'Is there a way to escalate this',
  'WHY IS THE PDF NOT IN THE USA STORE',
  // A rule that fires only inside quotation marks.
  "Day 6 of 'we'll email you within 48 hours'. Still nothing, this is a joke.",
  // Rules that fire only as a sentence of their own.
  'Two hours on hold and cut off. Brilliant. Manager. Now.',
  // A rule whose required anger may be anywhere in the message.
  'F*** this. Three hours of my life in your queue. Cancel my account.',
];

describe('packed rules', () => {
  test('are plain JSON that revive each word once', () => {
    const words = revived.table.keys;
    expect(new Set(words).size).toBe(words.length);
    expect(compiled.table.keys.slice(0, compiled.table.base).filter((w) => !words.includes(w))).toEqual([]);
    expect(packed.rulesVersion).toBe(compiled.rulesVersion);
  });

  test.each(EXAMPLES.concat(readFileSync(join(__dirname, 'golden.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text?: string }).text ?? '')))(
    'same verdict: %s',
    (text) => {
      expect(classifyMessage(text, revived)).toEqual(classifyMessage(text, compiled));
    },
  );

  test('same verdicts on random text built from the rules’ own words', () => {
    const word = fc.constantFrom(...revived.table.keys.filter((w) => w.length > 1), 'CANCEL', 'Sooo', '!!', '?!', '.', ',', '\n', '> ', 'WHY');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (ws) => {
        const text = ws.join(' ');
        expect(classifyMessage(text, revived)).toEqual(classifyMessage(text, compiled));
      }),
      { numRuns: 400 },
    );
  });

  test('thresholds can be overridden without recompiling', () => {
    const strict = unpackTensionRules(packed, { thresholds: { tense: 90, heated: 95 } });
    expect(classifyMessage('My lawyer will be in touch.', strict).level).toBe('calm');
    expect(classifyMessage('My lawyer will be in touch.', revived).level).not.toBe('calm');
  });
});
