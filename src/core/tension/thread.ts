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
  /**
   * With `latestOnly`: how many earlier customer messages were left unscored (`messages` is the latest
   * rest). Absent when every customer message is scored.
   */
  unscored?: number;
}

export interface ThreadOptions {
  /**
   * Score only the latest customer messages that decide the verdict: the level, score, reasons,
   * trajectory and afterLastReply are exactly those of the whole thread, the series is only its end.
   * A long ticket gets its verdict on screen before its history is read.
   */
  latestOnly?: boolean;
}

/** Each older customer message counts this much less than the one after it. */
const RECENCY = 0.5;
/** The highest score a message can have. */
const MAX_SCORE = 100;
/** Score change that counts as hotter/calmer, rising/falling. */
const CHANGE = 10;
/** Customer messages in a row with no public agent reply that make an unanswered follow-up. */
const UNANSWERED_RUN = 3;
const UNANSWERED_WEIGHT = 20;

export function classifyThread(thread: ThreadMessage[], rules: TensionRules, options: ThreadOptions = {}): ThreadVerdict {
  // Thread indexes of the customer messages that are scored.
  const customer: number[] = [];
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
    customer.push(i);
  });
  const n = customer.length;
  // Verdicts are made newest first, on demand: verdicts[from..n-1] are known.
  const verdicts: MessageVerdict[] = [];
  let from = n;
  const at = (k: number): MessageVerdict => {
    while (from > k) {
      from--;
      const m = thread[customer[from]!]!;
      verdicts[from] = classifyMessage(m.html ? htmlToText(m.text) : m.text, rules);
    }
    return verdicts[k]!;
  };
  if (!options.latestOnly && n > 0) at(0);
  const assessed = (k: number): boolean => at(k).level !== 'not-assessed';
  const done = (): Pick<ThreadVerdict, 'messages' | 'messageIndexes' | 'rulesVersion' | 'unscored'> => ({
    messages: verdicts.slice(from),
    messageIndexes: customer.slice(from),
    rulesVersion: rules.rulesVersion,
    ...(from > 0 ? { unscored: from } : {}),
  });
  if (n === 0) return { ...done(), level: 'calm', score: 0, reasons: [], language: 'und', trajectory: 'steady', afterLastReply: 'no-reply-yet' };
  const latest = at(n - 1);
  if (latest.level === 'not-assessed') {
    // Never call a thread calm because we could not read its latest message.
    return { ...done(), level: 'not-assessed', score: 0, reasons: [], language: latest.language, trajectory: 'steady', afterLastReply: 'same' };
  }

  // The customer now: the strongest recency-weighted message (the latest on a tie), with that message's
  // reasons. Going back stops where even a top score, weighted, could not beat the best so far.
  let nowK = n - 1;
  let nowScore = -1;
  for (let k = n - 1; k >= 0; k--) {
    const weight = RECENCY ** (n - 1 - k);
    if (MAX_SCORE * weight <= nowScore) break;
    if (!assessed(k)) continue;
    const weighted = at(k).score * weight;
    if (weighted > nowScore) {
      nowScore = weighted;
      nowK = k;
    }
  }
  const now = at(nowK);
  const reasons: Reason[] = now.reasons.map((r) => ({ ...r, message: customer[nowK] }));
  let score = Math.round(nowScore);
  if (customerRun >= UNANSWERED_RUN) {
    // Follow-ups nobody answered add to the tension like one more (top-k decayed) reason.
    reasons.push({ id: 'unanswered-follow-ups', spans: [], ruleIds: ['thread.unanswered'], weight: UNANSWERED_WEIGHT });
    reasons.sort((a, b) => b.weight - a.weight);
    score = Math.min(100, score + Math.round(UNANSWERED_WEIGHT * (score > 0 ? rules.scoring.decay : 1)));
  }

  // Trajectory: the latest score against the highest of the two assessed messages before it.
  const last = latest.score;
  let prior = -1;
  for (let k = n - 2, seen = 0; k >= 0 && seen < 2; k--) {
    if (!assessed(k)) continue;
    seen++;
    prior = Math.max(prior, at(k).score);
  }
  if (prior < 0) prior = last;
  const trajectory = last - prior >= CHANGE ? 'rising' : prior - last >= CHANGE ? 'falling' : 'steady';

  let afterLastReply: ThreadVerdict['afterLastReply'] = 'no-reply-yet';
  if (lastAgentReply >= 0 && customer[n - 1]! > lastAgentReply) {
    // The last assessed message written before that reply.
    let previous = -1;
    for (let k = n - 1; k >= 0 && previous < 0; k--) if (customer[k]! < lastAgentReply && assessed(k)) previous = k;
    const diff = previous >= 0 ? latest.score - at(previous).score : 0;
    afterLastReply = diff >= CHANGE ? 'hotter' : diff <= -CHANGE ? 'calmer' : 'same';
  }
  return { ...done(), level: levelFor(score, rules), score, reasons, language: latest.language, trajectory, afterLastReply };
}
