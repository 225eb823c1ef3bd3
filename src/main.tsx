// Composition root: the only place that reads seeds and translations and connects the real host.
import { computed, signal } from '@preact/signals';
import { render } from 'preact';
import acknowledgeAlignAssure from '../seeds/frameworks/acknowledge-align-assure.json';
import apologyWithGoodwill from '../seeds/frameworks/apology-with-goodwill.json';
import escalationHandoff from '../seeds/frameworks/escalation-handoff.json';
import followUp from '../seeds/frameworks/follow-up.json';
import options from '../seeds/frameworks/options.json';
import reflectAndVerify from '../seeds/frameworks/reflect-and-verify.json';
import escalating from '../seeds/phrases/escalating.json';
import structure from '../seeds/phrases/structure.json';
import tone from '../seeds/phrases/tone.json';
import tensionCore from '../seeds/tension/core.json';
import tensionDe from '../seeds/tension/de.json';
import tensionEn from '../seeds/tension/en.json';
import tensionEs from '../seeds/tension/es.json';
import tensionFr from '../seeds/tension/fr.json';
import tensionIt from '../seeds/tension/it.json';
import tensionNl from '../seeds/tension/nl.json';
import tensionPt from '../seeds/tension/pt.json';
import { ui as en } from '../translations/en.json';
import type { Framework } from './core/frameworks';
import type { PhraseSeed } from './core/phrases';
import { connectZaf } from './host/zaf';
import { createTranslate } from './i18n/translate';
import { createConfigModel } from './state/config-model';
import { createDraftModel } from './state/draft-model';
import { createFrameworksModel } from './state/frameworks-model';
import { createSaveHook } from './state/save-hook';
import { createTensionModel } from './state/tension-model';
import { createTicketModel } from './state/ticket-model';
import { App } from './ui/App';
import { autoResize } from './ui/auto-resize';
import { DraftPanel } from './ui/DraftPanel';
import { FrameworksPanel } from './ui/FrameworksPanel';
import { SettingsNotice } from './ui/SettingsNotice';
import { TensionPanel } from './ui/TensionPanel';
import './ui/styles.css';

const SEEDS = {
  tension: [tensionCore, tensionEn, tensionDe, tensionEs, tensionFr, tensionIt, tensionNl, tensionPt],
  phrases: [escalating, tone, structure] as unknown as PhraseSeed[],
  // Validated by the seed tests (which also require the optional lists), so the sidebar needs no validator.
  frameworks: [reflectAndVerify, options, followUp, acknowledgeAlignAssure, apologyWithGoodwill, escalationHandoff] as unknown as Framework[],
};

const root = document.getElementById('root');
if (root) {
  const t = createTranslate([en]);
  const connected = connectZaf();
  if (!connected.ok) {
    render(
      <main class="df-app">
        <p class="df-error" role="alert">
          {t('state.noHost')} {connected.error.message}
        </p>
      </main>,
      root,
    );
  } else {
    const host = connected.value;
    const ticket = createTicketModel(host);
    const config = createConfigModel(host, SEEDS);
    const tension = createTensionModel(ticket, config);
    const draft = createDraftModel(host, {
      phraseRules: config.phraseRules,
      level: computed(() => tension.verdict.value?.level ?? null),
      draftGate: computed(() => config.settings.value.draftGate),
      gateMessage: (kind, phrases) => t(`gate.${kind}`, { phrases: phrases.map((p) => `“${p}”`).join(', ') }),
    });
    const uiLocale = signal('en');
    const frameworks = createFrameworksModel(host, {
      ticket,
      verdict: tension.verdict,
      draft: draft.draft,
      phraseRules: config.phraseRules,
      frameworks: config.frameworks,
      policy: config.policy,
      uiLocale,
      now: () => new Date(),
    });
    const isAdmin = computed(() => {
      const s = ticket.state.value;
      return s.status === 'ready' && s.ticket.currentUser?.role === 'admin';
    });
    ticket.follow();
    draft.follow();
    host.onSave(
      createSaveHook(host, {
        draft,
        verdict: tension.verdict,
        tagPrefix: computed(() => config.settings.value.tagPrefix),
        frameworkId: frameworks.inserted,
        falseFlag: tension.falseFlag,
      }),
    );
    void config.load().then(() => ticket.load());
    void draft.load();
    // Signals read while rendering a component re-render it when they change.
    const Root = () => (
      <App
        ticket={ticket}
        t={t}
        notice={<SettingsNotice problems={config.problems.value} isAdmin={isAdmin.value} t={t} />}
        footer={
          <>
            <FrameworksPanel model={frameworks} uiLocale={uiLocale.value} t={t} />
            <DraftPanel model={draft} t={t} />
          </>
        }
      >
        <TensionPanel model={tension} t={t} />
      </App>
    );
    render(<Root />, root);
    autoResize(root, (height) => host.resize(height));
  }
}
