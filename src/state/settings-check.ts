// Loaded only when an installation has non-default settings: validating admin JSON needs zod, which
// the default sidebar does without (see config-model.ts).
import { readSettings, type Problem, type Settings } from '../core/config';
import { parseFrameworksPolicy, type Framework, type FrameworksPolicy } from '../core/frameworks';
import { withCustomFrameworks } from '../core/frameworks/validate';
import { type PhraseRules } from '../core/phrases';
import { loadPhraseRules } from '../core/phrases/validate';

export { readSettings };

/**
 * Admin phrase rules are checked one by one against the built-ins, so that one bad entry is reported
 * with its path and the rest still apply.
 */
export function buildPhraseRules(seeds: unknown[], extra: Settings['phraseRules']): { rules: PhraseRules; problems: Problem[] } {
  const problems: Problem[] = [];
  const accepted = <T>(list: T[], field: 'add' | 'disable', attempt: (entry: T) => void): T[] =>
    list.filter((entry, i) => {
      try {
        attempt(entry);
        return true;
      } catch (error) {
        // The core names the entry settings.add[0]; admins know the parameter as phrase_rules.
        const message = (error as Error).message.split('\n')[0] ?? '';
        const m = /^settings\.\w+\[\d+\]([^:]*): (.*)$/.exec(message);
        problems.push(m ? { path: `phrase_rules.${field}[${i}]${m[1]}`, message: m[2]! } : { path: `phrase_rules.${field}[${i}]`, message });
        return false;
      }
    });
  const add = accepted(extra.add, 'add', (entry) => loadPhraseRules(seeds, { add: [entry] }));
  const disable = accepted(extra.disable, 'disable', (id) => loadPhraseRules(seeds, { disable: [id] }));
  return { rules: loadPhraseRules(seeds, { add, disable }), problems };
}

/** Admin frameworks (same schema as the built-ins) and the per-brand policy, with their problems. */
export function buildFrameworks(builtIns: Framework[], settings: Settings): { frameworks: Framework[]; policy: FrameworksPolicy | null; problems: Problem[] } {
  const custom = withCustomFrameworks(builtIns, settings.customFrameworks);
  const problems = [...custom.problems];
  let policy: FrameworksPolicy | null = null;
  if (settings.frameworksPolicy !== null) {
    const parsed = parseFrameworksPolicy(settings.frameworksPolicy, custom.frameworks.map((f) => f.id));
    policy = parsed.policy;
    problems.push(...parsed.problems.map((p) => ({ path: p.path ? `frameworks_policy.${p.path}` : 'frameworks_policy', message: p.message })));
  }
  return { frameworks: custom.frameworks, policy, problems };
}
