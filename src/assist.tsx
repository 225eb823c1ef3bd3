// The draft checker and the reply frameworks: models and panels, loaded as one chunk right after the
// first tension verdict is painted (main.tsx), so that verdict never waits for them.
import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { compilePhraseRules } from './core/phrases';
import { ASSIST_SEEDS } from './assist-seeds';
import { loadFrameworkLocales } from './framework-locales';
export { default as EN_LATER } from 'virtual:en-ui/later';
import type { Host, SaveDecision } from './host/host';
import type { Translate } from './i18n/translate';
import type { ConfigModel } from './state/config-model';
import { createDraftModel, type DraftModel } from './state/draft-model';
import { createFrameworksModel, type FrameworksModel } from './state/frameworks-model';
import { createSaveHook } from './state/save-hook';
import type { TensionModel } from './state/tension-model';
import type { TicketModel } from './state/ticket-model';
import { DraftPanel } from './ui/DraftPanel';
import { FrameworksPanel } from './ui/FrameworksPanel';
import { SettingsNotice } from './ui/SettingsNotice';

export interface Assist {
  draft: DraftModel;
  frameworks: FrameworksModel;
  Panels: () => preact.JSX.Element;
  /** Settings problems: known only after the settings load, so this chunk brings their notice. */
  Notice: typeof SettingsNotice;
  /** The `ticket.save` hook: the draft gate, then QA tags. */
  save: () => Promise<SaveDecision>;
  stop: () => void;
}

export function startAssist(deps: {
  host: Host;
  ticket: TicketModel;
  config: ConfigModel;
  tension: TensionModel;
  uiLocale: ReadonlySignal<string>;
  t: Translate;
}): Assist {
  const { host, config, t } = deps;
  const builtInRules = compilePhraseRules(ASSIST_SEEDS.phrases);
  const phraseRules = computed(() => config.admin.value.phraseRules ?? builtInRules);
  const draft = createDraftModel(host, {
    phraseRules,
    level: computed(() => deps.tension.verdict.value?.level ?? null),
    draftGate: computed(() => config.settings.value.draftGate),
    gateMessage: (kind, phrases) => t(`gate.${kind}`, { phrases: phrases.map((p) => `“${p}”`).join(', ') }),
  });
  // Built-in frameworks in the agent's and the requester's languages: English until those texts arrive.
  const textsLoaded = signal(0);
  const stopTexts = effect(() => {
    const t = deps.ticket.state.value;
    const requester = t.status === 'ready' ? t.ticket.requester?.locale : undefined;
    const locales = [deps.uiLocale.value, ...(requester ? [requester] : [])];
    void loadFrameworkLocales(ASSIST_SEEDS.frameworks, locales).then(
      (added) => {
        if (added) textsLoaded.value++;
      },
      () => undefined,
    );
  });
  const frameworks = createFrameworksModel(host, {
    ticket: deps.ticket,
    verdict: deps.tension.verdict,
    draft: draft.draft,
    phraseRules,
    frameworks: computed(() => config.admin.value.frameworks ?? (textsLoaded.value, [...ASSIST_SEEDS.frameworks])),
    policy: computed(() => config.admin.value.policy),
    uiLocale: deps.uiLocale,
    now: () => new Date(),
  });
  const save = createSaveHook(host, {
    draft,
    verdict: deps.tension.verdict,
    tagPrefix: computed(() => config.settings.value.tagPrefix),
    frameworkId: frameworks.inserted,
    falseFlag: deps.tension.falseFlag,
  });
  const stopDraft = draft.follow();
  const stop = (): void => {
    stopDraft();
    stopTexts();
  };
  void draft.load();
  const Panels = () => (
    <>
      <DraftPanel model={draft} t={t} />
      <FrameworksPanel model={frameworks} uiLocale={deps.uiLocale.value} t={t} />
    </>
  );
  return { draft, frameworks, Panels, Notice: SettingsNotice, save, stop };
}
