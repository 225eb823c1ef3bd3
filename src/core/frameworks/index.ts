// Reply frameworks: reusable de-escalating reply structures, filled with the ticket's details and the
// customer's own words, suggested for the ticket, allowed per brand. Pure: frameworks, facts and "now" come in.
// The runtime face: nothing here reaches zod, so the sidebar ships no validator. Validation (seeds and
// admin frameworks) is ./validate.ts.
export type { Framework, SlotSpec, SlotType, SuggestTrigger, Problem, Parsed } from './schema';
export { ELEMENT_IDS, LEVELS, SLOT_TYPES, VARIABLES } from './vocabulary';
export { didYouMean } from '../text/hints';
export { fillFramework, toHtml, escapeHtml, type Filled, type SlotValues } from './fill';
export { ticketVariables, firstName, mirrorSentence, feelingFor, type TicketFacts } from './variables';
export { suggestFrameworks, orderForTicket, type Suggestion } from './suggest';
export { timeWindowPicks, type TimeWindowPick } from './time';
export { parseFrameworksPolicy, allowedFrameworks, type FrameworksPolicy, type PolicyRule } from './policy';
export { localized, pickLocale, type LocaleText } from './locale';
