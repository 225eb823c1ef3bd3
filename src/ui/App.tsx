import type { ComponentChildren } from 'preact';
import type { TicketModel } from '../state/ticket-model';
import type { Translate } from '../i18n/translate';
import { TicketSummary } from './TicketSummary';

export interface AppProps {
  ticket: TicketModel;
  t: Translate;
  /** Shown whenever the ticket is loaded (settings notices). */
  notice?: ComponentChildren;
  /** Needs customer messages to say anything (tension). */
  children?: ComponentChildren;
  /** Useful on every ticket, even before the customer writes (the draft checker). */
  footer?: ComponentChildren;
}

export function App({ ticket, t, notice, children, footer }: AppProps) {
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
      {notice}
      {count === 0 ? (
        <p class="df-empty" role="status">
          {t('state.empty')}
        </p>
      ) : (
        children
      )}
      {footer}
    </main>
  );
}
