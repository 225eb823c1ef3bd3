import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Problem, Settings } from '../core/config/settings';
import type { Framework, FrameworksPolicy } from '../core/frameworks';
import { compilePhraseRules, type PhraseRules, type PhraseSeed } from '../core/phrases';
import { loadTensionRules, type TensionRules } from '../core/tension';
import type { Host } from '../host/host';

export interface ConfigModel {
  settings: ReadonlySignal<Settings>;
  /** Every problem with the installation's settings; the broken parts run on defaults. */
  problems: ReadonlySignal<Problem[]>;
  phraseRules: ReadonlySignal<PhraseRules>;
  tensionRules: ReadonlySignal<TensionRules>;
  /** Built-in frameworks plus the admin's own (which may replace a built-in by id). */
  frameworks: ReadonlySignal<Framework[]>;
  /** Which frameworks each brand may use; null when not set (all allowed). */
  policy: ReadonlySignal<FrameworksPolicy | null>;
  load(): Promise<void>;
}

/** Built-in rules, validated by the seed tests and the build, so the sidebar compiles them without a validator. */
export interface Seeds {
  tension: unknown[];
  phrases: readonly PhraseSeed[];
  frameworks: readonly Framework[];
}

// Kept in step with DEFAULT_SETTINGS (core/config) and the manifest's parameter defaults; a test checks.
export const DEFAULTS: Settings = {
  draftGate: 'warn',
  tagPrefix: 'defuse_',
  thresholds: null,
  phraseRules: { add: [], disable: [] },
  frameworksPolicy: null,
  customFrameworks: [],
};
const DEFAULT_VALUES: Record<string, string> = { draft_gate: 'warn', tag_prefix: 'defuse_' };

/** True when every setting is blank or at its default: then nothing needs validating. */
export function isDefault(settings: Record<string, unknown>): boolean {
  return Object.entries(settings).every(([key, value]) => {
    if (value === undefined || value === null || value === false) return true;
    const text = typeof value === 'string' ? value.trim() : JSON.stringify(value);
    return text === '' || text === DEFAULT_VALUES[key];
  });
}

export function createConfigModel(host: Host, seeds: Seeds): ConfigModel {
  interface State {
    settings: Settings;
    problems: Problem[];
    phraseRules: PhraseRules | null;
    frameworks: Framework[] | null;
    policy: FrameworksPolicy | null;
  }
  const initial: State = { settings: DEFAULTS, problems: [], phraseRules: null, frameworks: null, policy: null };
  const state = signal<State>(initial);
  const settings = computed(() => state.value.settings);
  const defaultPhraseRules = computed(() => compilePhraseRules(seeds.phrases));
  const tensionRules = computed(() => {
    const thresholds = settings.value.thresholds;
    return loadTensionRules(seeds.tension, thresholds ? { thresholds } : {});
  });
  return {
    settings,
    problems: computed(() => state.value.problems),
    phraseRules: computed(() => state.value.phraseRules ?? defaultPhraseRules.value),
    tensionRules,
    frameworks: computed(() => state.value.frameworks ?? [...seeds.frameworks]),
    policy: computed(() => state.value.policy),
    async load() {
      const meta = await host.metadata();
      if (!meta.ok) {
        // Settings that cannot be read leave the defaults in force; the app works either way.
        state.value = { ...initial, problems: [{ path: 'settings', message: meta.error.message }] };
        return;
      }
      if (isDefault(meta.value.settings)) return;
      try {
        const check = await import('./settings-check');
        const read = check.readSettings(meta.value.settings);
        const phrases = check.buildPhraseRules([...seeds.phrases], read.settings.phraseRules);
        const frameworks = check.buildFrameworks([...seeds.frameworks], read.settings);
        state.value = {
          settings: read.settings,
          problems: [...read.problems, ...phrases.problems, ...frameworks.problems],
          phraseRules: phrases.rules,
          frameworks: frameworks.frameworks,
          policy: frameworks.policy,
        };
      } catch (error) {
        state.value = { ...initial, problems: [{ path: 'settings', message: `could not be checked (${(error as Error).message}); defaults are used` }] };
      }
    },
  };
}
