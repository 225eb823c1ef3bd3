// The frameworks' vocabulary, shared by the engine and the schema; free of zod so the sidebar can use it.
import type { ElementId } from '../phrases';

// Kept here rather than imported from the phrases module; the type check below fails if the lists drift apart.
export const ELEMENT_IDS = ['acknowledgment', 'next-step', 'owner', 'time-window', 'choice', 'follow-up'] as const;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const elementsInSync: Same<(typeof ELEMENT_IDS)[number], ElementId> = true;
void elementsInSync;

export const SLOT_TYPES = ['owner', 'time-window', 'options', 'facts-checked', 'text'] as const;
export const LEVELS = ['calm', 'tense', 'heated', 'not-assessed'] as const;
/** Values every framework body may use; the rest of its placeholders must be its own slot ids. */
export const VARIABLES = ['greeting', 'firstName', 'agentName', 'brand', 'ticketId', 'subject', 'mirror', 'feeling'] as const;

