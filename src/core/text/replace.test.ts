import { describe, expect, test } from 'vitest';
import { occurrenceAt, replaceInHtml } from './replace';

describe('replaceInHtml: only the flagged words change', () => {
  test.each([
    ['plain paragraph', '<p>Sorry, that\'s our policy.</p>', "that's our policy", 0, 'here is what I can do', '<p>Sorry, here is what I can do.</p>'],
    ['keeps formatting around the words', '<p><b>Hi</b> calm down <i>please</i></p>', 'calm down', 0, 'I hear you', '<p><b>Hi</b> I hear you <i>please</i></p>'],
    ['second occurrence', '<p>just wait, just wait</p>', 'just wait', 1, 'hold on', '<p>just wait, hold on</p>'],
    ['occurrences count as the agent reads them, across tags', '<p>calm <b>down</b>, calm down</p>', 'calm down', 1, 'I hear you', '<p>calm <b>down</b>, I hear you</p>'],
    ['non-breaking spaces typed by the editor', '<p>calm&nbsp;down</p>', 'calm down', 0, 'I hear you', '<p>I hear you</p>'],
    ['entities inside the words', '<p>R&amp;D says no</p>', 'R&D says no', 0, 'our engineers are on it', '<p>our engineers are on it</p>'],
    ['replacement is escaped', '<p>calm down</p>', 'calm down', 0, '<script>x</script>', '<p>&lt;script&gt;x&lt;/script&gt;</p>'],
  ])('%s', (_name, html, needle, nth, replacement, expected) => {
    expect(replaceInHtml(html, needle, nth, replacement)).toBe(expected);
  });
});

describe('replaceInHtml: refuses rather than breaking the draft', () => {
  test.each([
    ['words cross formatting', "<p>that's <b>our</b> policy</p>", "that's our policy", 0],
    ['words not there', '<p>hello</p>', 'calm down', 0],
    ['occurrence not there', '<p>calm down</p>', 'calm down', 1],
    ['the counted occurrence crosses formatting', '<p>calm <b>down</b>, calm down</p>', 'calm down', 0],
  ])('%s', (_name, html, needle, nth) => {
    expect(replaceInHtml(html, needle, nth, 'x')).toBeNull();
  });
});

describe('occurrenceAt', () => {
  test.each([
    ['first', 'a calm down, b calm down', 'calm down', 2, 0],
    ['second', 'a calm down, b calm down', 'calm down', 15, 1],
    ['not at that offset', 'a calm down', 'calm down', 0, -1],
  ])('%s', (_name, text, needle, start, n) => {
    expect(occurrenceAt(text, needle, start)).toBe(n);
  });
});
