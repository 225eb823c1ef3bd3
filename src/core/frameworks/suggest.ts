// Which frameworks fit this ticket, best first, each with a one-line why. The rules are the seeds'
// `suggestWhen` triggers; nothing here knows a framework by name.
import { localized } from './locale';
import type { Framework } from './schema';
import type { TicketFacts } from './variables';

export interface Suggestion {
  id: string;
  /** The trigger's one-line why in `context.locale` (default en), or its translation key. */
  why: string;
}

const DEFAULT_WEIGHT = 50;

/**
 * Frameworks with a matching trigger, by the trigger's weight; among equals, the one answering the
 * verdict's stronger reason, then seed order. Frameworks with no match are left out.
 */
export function suggestFrameworks(
  frameworks: Framework[],
  verdict: TicketFacts['verdict'],
  context: { promiseMade?: boolean; locale?: string } = {},
): Suggestion[] {
  const reasons = verdict?.reasons.map((r) => r.id) ?? [];
  const ranked: (Suggestion & { score: number; order: number })[] = [];
  frameworks.forEach((fw, order) => {
    let best: { score: number; why: Framework['suggestWhen'][number]['why'] } | undefined;
    for (const t of fw.suggestWhen) {
      if (t.levels && !t.levels.some((l) => l === verdict?.level)) continue;
      if (t.promiseMade && !context.promiseMade) continue;
      const rank = t.reasons ? reasons.findIndex((r) => t.reasons!.includes(r)) : 0;
      if (rank < 0) continue;
      const score = (t.weight ?? DEFAULT_WEIGHT) - rank / 100;
      if (!best || score > best.score) best = { score, why: t.why };
    }
    if (best) ranked.push({ id: fw.id, why: typeof best.why === 'string' ? best.why : localized(best.why, context.locale ?? 'en'), score: best.score, order });
  });
  return ranked.sort((a, b) => b.score - a.score || a.order - b.order).map(({ id, why }) => ({ id, why }));
}

/** All frameworks in the order to show them: suggestions first, the rest as given. */
export function orderForTicket(frameworks: Framework[], suggestions: Suggestion[]): Framework[] {
  const rank = (f: Framework) => {
    const i = suggestions.findIndex((s) => s.id === f.id);
    return i < 0 ? suggestions.length : i;
  };
  return [...frameworks].sort((a, b) => rank(a) - rank(b));
}
