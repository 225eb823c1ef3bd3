// A ticket thread -> how tense the customer is now, the per-message series, and whether our last reply helped.
import { htmlToText } from '../text/html';
import { classifyMessage, levelFor, type MessageVerdict, type Reason } from './classify';
import type { TensionRules } from './rules';

export interface ThreadMessage {
  author: 'customer' | 'agent';
  text: string;
  internal?: boolean;
  html?: boolean;
}

export interface ThreadVerdict extends MessageVerdict {
  /** One verdict per scored customer message, in order. */
  messages: MessageVerdict[];
  /** Index in the input thread of each scored message. */
  messageIndexes: number[];
  trajectory: 'rising' | 'falling' | 'steady';
  afterLastReply: 'calmer' | 'hotter' | 'same' | 'no-reply-yet';
}

/** Each older customer message counts this much less than the one after it. */
const RECENCY = 0.5;
/** Score change that counts as hotter/calmer, rising/falling. */
const CHANGE = 10;
/** Customer messages in a row with no public agent reply that make an unanswered follow-up. */
const UNANSWERED_RUN = 3;
const UNANSWERED_WEIGHT = 20;

export function classifyThread(thread: ThreadMessage[], rules: TensionRules): ThreadVerdict {
  const messages: MessageVerdict[] = [];
  const messageIndexes: number[] = [];
  let lastAgentReply = -1;
  let customerRun = 0;
  thread.forEach((m, i) => {
    if (m.internal) return;
    if (m.author !== 'customer') {
      lastAgentReply = i;
      customerRun = 0;
      return;
    }
    customerRun++;
    messages.push(classifyMessage(m.html ? htmlToText(m.text) : m.text, rules));
    messageIndexes.push(i);
  });
  const base = { messages, messageIndexes, rulesVersion: rules.rulesVersion };
  const assessed = messages.map((v, k) => ({ v, k })).filter(({ v }) => v.level !== 'not-assessed');
  const latest = messages[messages.length - 1];
  if (!latest) return { ...base, level: 'calm', score: 0, reasons: [], language: 'und', trajectory: 'steady', afterLastReply: 'no-reply-yet' };
  if (latest.level === 'not-assessed' || assessed.length === 0) {
    // Never call a thread calm because we could not read its latest message.
    return { ...base, level: 'not-assessed', score: 0, reasons: [], language: latest.language, trajectory: 'steady', afterLastReply: 'same' };
  }

  // The customer now: the strongest recency-weighted message, with that message's reasons.
  let now = latest;
  let nowK = messages.length - 1;
  let nowScore = -1;
  for (const { v, k } of assessed) {
    const weighted = v.score * RECENCY ** (messages.length - 1 - k);
    if (weighted >= nowScore) {
      nowScore = weighted;
      now = v;
      nowK = k;
    }
  }
  const reasons: Reason[] = now.reasons.map((r) => ({ ...r, message: messageIndexes[nowK] }));
  let score = Math.round(nowScore);
  if (customerRun >= UNANSWERED_RUN) {
    // Follow-ups nobody answered add to the tension like one more (top-k decayed) reason.
    reasons.push({ id: 'unanswered-follow-ups', spans: [], ruleIds: ['thread.unanswered'], weight: UNANSWERED_WEIGHT });
    reasons.sort((a, b) => b.weight - a.weight);
    score = Math.min(100, score + Math.round(UNANSWERED_WEIGHT * (score > 0 ? rules.scoring.decay : 1)));
  }

  const scores = assessed.map(({ v }) => v.score);
  const last = scores[scores.length - 1]!;
  const before = scores.slice(-3, -1);
  const prior = before.length ? Math.max(...before) : last;
  const trajectory = last - prior >= CHANGE ? 'rising' : prior - last >= CHANGE ? 'falling' : 'steady';

  let afterLastReply: ThreadVerdict['afterLastReply'] = 'no-reply-yet';
  const latestIndex = messageIndexes[messageIndexes.length - 1]!;
  if (lastAgentReply >= 0 && latestIndex > lastAgentReply) {
    const previous = assessed.filter(({ k }) => messageIndexes[k]! < lastAgentReply).pop();
    const diff = previous ? latest.score - previous.v.score : 0;
    afterLastReply = diff >= CHANGE ? 'hotter' : diff <= -CHANGE ? 'calmer' : 'same';
  }
  return { ...base, level: levelFor(score, rules), score, reasons, language: latest.language, trajectory, afterLastReply };
}
