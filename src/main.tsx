// Composition root: the only place that reads seeds and translations and connects the real host.
// First paint needs the ticket and its tension; the draft checker and frameworks load right after.
import { computed, effect, signal, untracked } from '@preact/signals';
import { render } from 'preact';
import en from 'virtual:en-ui/startup';
import packedTension from 'virtual:tension-rules';
import type { Assist } from './assist';
import { unpackTensionRules } from './core/tension/packed';
import { connectZaf } from './host/zaf';
import { loadStrings, uiLocaleFor } from './i18n/locales';
import { createTranslate, type Strings, type Translate } from './i18n/translate';
import { createConfigModel } from './state/config-model';
import { createTensionModel } from './state/tension-model';
import { createTicketModel } from './state/ticket-model';
import { afterPaint } from './ui/after-paint';
import { App } from './ui/App';
import { autoResize } from './ui/auto-resize';
import { loadStylesheet } from './ui/stylesheet';
import { TensionPanel } from './ui/TensionPanel';
import './ui/styles.css';


const root = document.getElementById('root');
if (root) {
  // Reading `translate` while rendering makes the sidebar re-render once the agent's language loads.
  const tables = signal<Strings[]>([en]);
  // English for the deferred panels arrives with their chunk, before any of them renders.
  const enLater = signal<Strings[]>([]);
  const translate = computed(() => createTranslate([...tables.value, ...enLater.value]));
  const t: Translate = (key, vars) => translate.value(key, vars);
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
    const config = createConfigModel(host, { tension: unpackTensionRules(packedTension), assistSeeds: async () => (await import('./assist-seeds')).ASSIST_SEEDS });
    // A long thread's verdict paints from its latest messages; the rest of the series follows the frame.
    const tension = createTensionModel(ticket, config, { later: afterPaint });
    const uiLocale = signal('en');
    effect(() => {
      const s = ticket.state.value;
      const wanted = s.status === 'ready' ? uiLocaleFor(s.ticket.currentUser?.locale) : uiLocale.peek();
      if (wanted === uiLocale.peek()) return;
      uiLocale.value = wanted;
      document.documentElement.lang = wanted;
      void loadStrings(wanted, en).then((loaded) => {
        if (uiLocale.peek() === wanted) tables.value = loaded;
      });
    });
    const isAdmin = computed(() => {
      const s = ticket.state.value;
      return s.status === 'ready' && s.ticket.currentUser?.role === 'admin';
    });

    const assist = signal<Assist | null>(null);
    // The draft checker and frameworks load once the first verdict (or an error) is on screen: parsing
    // their chunk and compiling their rules must not hold up that first paint.
    const firstPaint = new Promise<void>((resolve) => {
      const stop = effect(() => {
        if (ticket.state.value.status === 'loading') return;
        queueMicrotask(() => stop());
        afterPaint(resolve);
      });
    });
    // Their styles (a build entry of their own) load alongside, so no panel paints unstyled.
    const assistReady = firstPaint
      .then(() => Promise.all([import('./assist'), loadStylesheet(new URL('assist.css', import.meta.url).href)]))
      .then(([{ startAssist, EN_LATER }]) => {
        enLater.value = [EN_LATER];
        assist.value = startAssist({ host, ticket, config, tension, uiLocale, t });
        return assist.value;
      });
    // Registered at once so no send slips past; it waits for the draft checker if a send comes that early.
    host.onSave(async () => (await assistReady).save());
    ticket.follow();
    void config.load();
    void ticket.load();

    // Signals read while rendering a component re-render it when they change.
    const Root = () => {
      const { Panels, Notice } = assist.value ?? {};
      return (
        <App ticket={ticket} t={t} notice={Notice ? <Notice problems={config.problems.value} isAdmin={isAdmin.value} t={t} /> : null} footer={Panels ? <Panels /> : null}>
          <TensionPanel model={tension} t={t} />
        </App>
      );
    };
    // The first render waits for the ticket (or 150 ms, then shows the loading state): on a fast host the
    // first thing painted is the verdict, and starting up does not spend a render on a state nobody sees.
    let mounted = false;
    const mount = (): void => {
      if (mounted) return;
      mounted = true;
      render(<Root />, root);
      autoResize(root, (height) => host.resize(height));
    };
    const stopMount = effect(() => {
      if (ticket.state.value.status === 'loading') return;
      queueMicrotask(() => stopMount());
      // Not tracked: what the components read must not re-run this effect.
      untracked(mount);
    });
    setTimeout(mount, 150);
  }
}
