// Seeds of the draft checker and the reply frameworks, part of the composition root. They sit in the
// chunk loaded right after the first tension verdict is painted, so they do not delay it.
import acknowledgeAlignAssure from '../seeds/frameworks/acknowledge-align-assure.json';
import apologyWithGoodwill from '../seeds/frameworks/apology-with-goodwill.json';
import escalationHandoff from '../seeds/frameworks/escalation-handoff.json';
import followUp from '../seeds/frameworks/follow-up.json';
import options from '../seeds/frameworks/options.json';
import reflectAndVerify from '../seeds/frameworks/reflect-and-verify.json';
import escalating from '../seeds/phrases/escalating.json';
import structure from '../seeds/phrases/structure.json';
import tone from '../seeds/phrases/tone.json';
import type { Framework } from './core/frameworks';
import type { PhraseSeed } from './core/phrases';

export interface AssistSeeds {
  phrases: readonly PhraseSeed[];
  frameworks: readonly Framework[];
}

// Validated by the seed tests (which also require every list the engine reads), so no validator ships.
export const ASSIST_SEEDS: AssistSeeds = {
  phrases: [escalating, tone, structure] as unknown as PhraseSeed[],
  frameworks: [reflectAndVerify, options, followUp, acknowledgeAlignAssure, apologyWithGoodwill, escalationHandoff] as unknown as Framework[],
};
