import type { TicketSnapshot } from '../host/ticket';
import type { Translate } from '../i18n/translate';

export function TicketSummary({ ticket, customerMessages, t }: { ticket: TicketSnapshot; customerMessages: number; t: Translate }) {
  const requester = ticket.requester?.name || ticket.requester?.email || t('summary.unknownRequester');
  return (
    <header class="df-summary">
      <dl class="df-summary__facts">
        <div>
          <dt>{t('summary.requester')}</dt>
          <dd data-testid="requester">{requester}</dd>
        </div>
        <div>
          <dt>{t('summary.brand')}</dt>
          <dd data-testid="brand">{ticket.brand?.name ?? t('summary.noBrand')}</dd>
        </div>
        <div>
          <dt>{t('summary.customerMessages')}</dt>
          <dd data-testid="customer-messages">{customerMessages}</dd>
        </div>
      </dl>
    </header>
  );
}
