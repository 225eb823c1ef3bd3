// The draft checker and the reply frameworks: models and panels, loaded as one chunk right after the
// first tension verdict is painted (main.tsx), so that verdict never waits for them.
import { computed, type ReadonlySignal } from '@preact/signals';
import { compilePhraseRules } from './core/phrases';
import type { ThreadVerdict } from './core/tension';
import { ASSIST_SEEDS } from './assist-seeds';
import type { Host } from './host/host';
import type { Translate } from './i18n/translate';
import type { ConfigModel } from './state/config-model';
import { createDraftModel, type DraftModel } from './state/draft-model';
import { createFrameworksModel, type FrameworksModel } from './state/frameworks-model';
import type { TicketModel } from './state/ticket-model';
import { DraftPanel } from './ui/DraftPanel';
import { FrameworksPanel } from './ui/FrameworksPanel';

export interface Assist {
  draft: DraftModel;
  frameworks: FrameworksModel;
  Panels: () => preact.JSX.Element;
  stop: () => void;
}

export function startAssist(deps: {
  host: Host;
  ticket: TicketModel;
  config: ConfigModel;
  verdict: ReadonlySignal<ThreadVerdict | null>;
  uiLocale: ReadonlySignal<string>;
  t: Translate;
}): Assist {
  const { host, config, t } = deps;
  const builtInRules = compilePhraseRules(ASSIST_SEEDS.phrases);
  const phraseRules = computed(() => config.admin.value.phraseRules ?? builtInRules);
  const draft = createDraftModel(host, {
    phraseRules,
    level: computed(() => deps.verdict.value?.level ?? null),
    draftGate: computed(() => config.settings.value.draftGate),
    gateMessage: (kind, phrases) => t(`gate.${kind}`, { phrases: phrases.map((p) => `“${p}”`).join(', ') }),
  });
  const frameworks = createFrameworksModel(host, {
    ticket: deps.ticket,
    verdict: deps.verdict,
    draft: draft.draft,
    phraseRules,
    frameworks: computed(() => config.admin.value.frameworks ?? [...ASSIST_SEEDS.frameworks]),
    policy: computed(() => config.admin.value.policy),
    uiLocale: deps.uiLocale,
    now: () => new Date(),
  });
  const stop = draft.follow();
  void draft.load();
  const Panels = () => (
    <>
      <DraftPanel model={draft} t={t} />
      <FrameworksPanel model={frameworks} uiLocale={deps.uiLocale.value} t={t} />
    </>
  );
  return { draft, frameworks, Panels, stop };
}
