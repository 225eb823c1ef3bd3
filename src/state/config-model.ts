import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Problem, Settings } from '../core/config/settings';
import type { Framework, FrameworksPolicy } from '../core/frameworks';
import type { PhraseRules } from '../core/phrases';
import { withThresholds, type TensionRules } from '../core/tension';
import type { AssistSeeds } from '../assist-seeds';
import type { Host } from '../host/host';

/** What admins changed beyond the built-ins; null parts mean "use the built-ins". */
export interface AdminRules {
  phraseRules: PhraseRules | null;
  frameworks: Framework[] | null;
  policy: FrameworksPolicy | null;
}

export interface ConfigModel {
  settings: ReadonlySignal<Settings>;
  /** Every problem with the installation's settings; the broken parts run on defaults. */
  problems: ReadonlySignal<Problem[]>;
  tensionRules: ReadonlySignal<TensionRules>;
  admin: ReadonlySignal<AdminRules>;
  load(): Promise<void>;
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

export interface ConfigSources {
  /** Built-in tension rules (packed at build time from the validated seeds). */
  tension: TensionRules;
  /** The draft checker's and frameworks' seeds, fetched only when admin settings must be checked against them. */
  assistSeeds: () => Promise<AssistSeeds>;
}

export function createConfigModel(host: Host, sources: ConfigSources): ConfigModel {
  interface State {
    settings: Settings;
    problems: Problem[];
    admin: AdminRules;
  }
  const initial: State = { settings: DEFAULTS, problems: [], admin: { phraseRules: null, frameworks: null, policy: null } };
  const state = signal<State>(initial);
  const settings = computed(() => state.value.settings);
  const tensionRules = computed(() => {
    const thresholds = settings.value.thresholds;
    return thresholds ? withThresholds(sources.tension, thresholds) : sources.tension;
  });
  return {
    settings,
    problems: computed(() => state.value.problems),
    tensionRules,
    admin: computed(() => state.value.admin),
    async load() {
      const meta = await host.metadata();
      if (!meta.ok) {
        // Settings that cannot be read leave the defaults in force; the app works either way.
        state.value = { ...initial, problems: [{ path: 'settings', message: meta.error.message }] };
        return;
      }
      if (isDefault(meta.value.settings)) return;
      try {
        // Validating admin JSON needs zod and the built-in rules: a chunk only such installs fetch.
        const [check, seeds] = await Promise.all([import('./settings-check'), sources.assistSeeds()]);
        const read = check.readSettings(meta.value.settings);
        const phrases = check.buildPhraseRules([...seeds.phrases], read.settings.phraseRules);
        const frameworks = check.buildFrameworks([...seeds.frameworks], read.settings);
        state.value = {
          settings: read.settings,
          problems: [...read.problems, ...phrases.problems, ...frameworks.problems],
          admin: { phraseRules: phrases.rules, frameworks: frameworks.frameworks, policy: frameworks.policy },
        };
      } catch (error) {
        state.value = { ...initial, problems: [{ path: 'settings', message: `could not be checked (${(error as Error).message}); defaults are used` }] };
      }
    },
  };
}
