// Composition root: the only place that reads seeds and translations and connects the real host.
import { render } from 'preact';
import { ui as en } from '../translations/en.json';
import { connectZaf } from './host/zaf';
import { createTranslate } from './i18n/translate';
import { createTicketModel } from './state/ticket-model';
import { App } from './ui/App';
import { autoResize } from './ui/auto-resize';
import './ui/styles.css';

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
    ticket.follow();
    void ticket.load();
    render(<App ticket={ticket} t={t} />, root);
    autoResize(root, (height) => host.resize(height));
  }
}
