// Reply frameworks: reusable de-escalating reply structures, filled with the ticket's details and the
// customer's own words, suggested for the ticket, allowed per brand. Pure: frameworks, facts and "now" come in.
export {
  frameworkSchema,
  parseFramework,
  loadFrameworks,
  withCustomFrameworks,
  didYouMean,
  ELEMENT_IDS,
  SLOT_TYPES,
  VARIABLES,
  type Framework,
  type SlotSpec,
  type SlotType,
  type SuggestTrigger,
  type Problem,
  type Parsed,
} from './schema';
export { fillFramework, toHtml, escapeHtml, type Filled, type SlotValues } from './fill';
export { ticketVariables, firstName, mirrorSentence, feelingFor, type TicketFacts } from './variables';
export { suggestFrameworks, orderForTicket, type Suggestion } from './suggest';
export { timeWindowPicks, type TimeWindowPick } from './time';
export { parseFrameworksPolicy, allowedFrameworks, type FrameworksPolicy, type PolicyRule } from './policy';
export { localized, pickLocale, type LocaleText } from './locale';
