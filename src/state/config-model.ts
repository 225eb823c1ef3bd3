import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { readSettings, type Problem, type Settings, DEFAULT_SETTINGS } from '../core/config';
import { loadPhraseRules, type PhraseRules } from '../core/phrases';
import { loadTensionRules, type TensionRules } from '../core/tension';
import type { Host } from '../host/host';

export interface ConfigModel {
  settings: ReadonlySignal<Settings>;
  /** Every problem with the installation's settings; the broken parts run on defaults. */
  problems: ReadonlySignal<Problem[]>;
  phraseRules: ReadonlySignal<PhraseRules>;
  tensionRules: ReadonlySignal<TensionRules>;
  load(): Promise<void>;
}

export interface Seeds {
  tension: unknown[];
  phrases: unknown[];
}

/**
 * Admin phrase rules are checked one by one against the built-ins, so that one bad entry is reported
 * with its path and the rest still apply.
 */
export function buildPhraseRules(seeds: unknown[], extra: Settings['phraseRules']): { rules: PhraseRules; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (error: unknown, index: number, field: 'add' | 'disable'): void => {
    // The core names the entry as settings.add[0]; admins know the parameter as phrase_rules.
    const message = (error as Error).message.split('\n')[0] ?? '';
    const m = /^settings\.(\w+)\[\d+\]([^:]*): (.*)$/.exec(message);
    problems.push(m ? { path: `phrase_rules.${field}[${index}]${m[2]}`, message: m[3]! } : { path: `phrase_rules.${field}[${index}]`, message });
  };
  const add = extra.add.filter((entry, i) => {
    try {
      loadPhraseRules(seeds, { add: [entry] });
      return true;
    } catch (error) {
      report(error, i, 'add');
      return false;
    }
  });
  const disable = extra.disable.filter((id, i) => {
    try {
      loadPhraseRules(seeds, { disable: [id] });
      return true;
    } catch (error) {
      report(error, i, 'disable');
      return false;
    }
  });
  return { rules: loadPhraseRules(seeds, { add, disable }), problems };
}

export function createConfigModel(host: Host, seeds: Seeds): ConfigModel {
  const raw = signal<{ settings: Settings; problems: Problem[] }>({ settings: DEFAULT_SETTINGS, problems: [] });
  const settings = computed(() => raw.value.settings);
  const phrases = computed(() => buildPhraseRules(seeds.phrases, settings.value.phraseRules));
  const tensionRules = computed(() => loadTensionRules(seeds.tension, settings.value.thresholds ? { thresholds: settings.value.thresholds } : {}));
  return {
    settings,
    problems: computed(() => [...raw.value.problems, ...phrases.value.problems]),
    phraseRules: computed(() => phrases.value.rules),
    tensionRules,
    async load() {
      const meta = await host.metadata();
      // Settings that cannot be read leave the defaults in force; the app works either way.
      raw.value = meta.ok ? readSettings(meta.value.settings) : { settings: DEFAULT_SETTINGS, problems: [{ path: 'settings', message: meta.error.message }] };
    },
  };
}
