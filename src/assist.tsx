// The draft checker and the reply frameworks: models and panels, loaded as one chunk right after the
// first tension verdict is painted (main.tsx), so that verdict never waits for them.
import { computed, type ReadonlySignal } from '@preact/signals';
import { compilePhraseRules } from './core/phrases';
import { ASSIST_SEEDS } from './assist-seeds';
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

export interface Assist {
  draft: DraftModel;
  frameworks: FrameworksModel;
  Panels: () => preact.JSX.Element;
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
  const frameworks = createFrameworksModel(host, {
    ticket: deps.ticket,
    verdict: deps.tension.verdict,
    draft: draft.draft,
    phraseRules,
    frameworks: computed(() => config.admin.value.frameworks ?? [...ASSIST_SEEDS.frameworks]),
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
  const stop = draft.follow();
  void draft.load();
  const Panels = () => (
    <>
      <DraftPanel model={draft} t={t} />
      <FrameworksPanel model={frameworks} uiLocale={deps.uiLocale.value} t={t} />
    </>
  );
  return { draft, frameworks, Panels, save, stop };
}
