import type { ComponentChildren } from 'preact';
import type { TicketModel } from '../state/ticket-model';
import type { Translate } from '../i18n/translate';
import { TicketSummary } from './TicketSummary';

export interface AppProps {
  ticket: TicketModel;
  t: Translate;
  /** Panels that read the ticket once it is loaded (tension, draft, frameworks). */
  children?: ComponentChildren;
}

export function App({ ticket, t, children }: AppProps) {
  const state = ticket.state.value;
  if (state.status === 'loading') {
    return (
      <main class="df-app" aria-busy="true">
        <p class="df-status" role="status">
          <span class="df-spinner" aria-hidden="true" />
          {t('state.loading')}
        </p>
      </main>
    );
  }
  if (state.status === 'error') {
    const key = state.error.kind === 'timeout' ? 'state.timeout' : 'state.error';
    return (
      <main class="df-app">
        <div class="df-error" role="alert">
          <p class="df-error__title">{t(key)}</p>
          <p class="df-error__detail">{state.error.message}</p>
          <button type="button" class="df-button" onClick={() => void ticket.load()}>
            {t('action.retry')}
          </button>
        </div>
      </main>
    );
  }
  const count = ticket.customerMessageCount.value;
  return (
    <main class="df-app" aria-busy={state.refreshing}>
      <TicketSummary ticket={state.ticket} customerMessages={count} t={t} />
      {count === 0 ? (
        <p class="df-empty" role="status">
          {t('state.empty')}
        </p>
      ) : (
        children
      )}
    </main>
  );
}
