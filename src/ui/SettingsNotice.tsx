import type { Problem } from '../core/config';
import type { Translate } from '../i18n/translate';

/** Admins see every settings problem with its path; agents only learn that defaults are in use. */
export function SettingsNotice({ problems, isAdmin, t }: { problems: Problem[]; isAdmin: boolean; t: Translate }) {
  if (problems.length === 0) return null;
  if (!isAdmin) {
    return (
      <p class="df-notice" role="status" data-testid="settings-notice">
        {t('settings.agentNotice')}
      </p>
    );
  }
  return (
    <details class="df-notice" data-testid="settings-problems" open>
      <summary>{t('settings.adminTitle', { count: problems.length })}</summary>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p.path}</code>: {p.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
