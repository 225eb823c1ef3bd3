import { useState } from 'preact/hooks';
import { ELEMENTS, type Flag } from '../core/phrases';
import type { Translate } from '../i18n/translate';
import type { ApplyResult, DraftModel } from '../state/draft-model';

/** Cards shown at most: past these, the agent has more to fix than a list can help with. */
const MAX_CARDS = 20;

function FlagItem({ flag, count, model, t }: { flag: Flag; count: number; model: DraftModel; t: Translate }) {
  const [problem, setProblem] = useState<string | null>(null);
  const apply = async (replacement: string): Promise<void> => {
    const r: ApplyResult = await model.apply(flag, replacement);
    setProblem(r.ok ? null : t(`fix.${r.reason}`));
  };
  return (
    <li class={`df-flag df-flag--${flag.severity}`} data-rule={flag.ruleId}>
      <p class="df-flag__head">
        <span class="df-badge">{t(`severity.${flag.severity}`)}</span> {t(`category.${flag.category}`)}
      </p>
      <p class="df-flag__words">
        <q>{flag.text}</q>
        {count > 1 && <span class="df-muted" data-testid="flag-count"> {t('draft.times', { count })}</span>}
      </p>
      <p class="df-muted">{flag.why}</p>
      {flag.tip && <p class="df-tip">{flag.tip}</p>}
      <div class="df-flag__actions">
        {flag.suggestions.map((s) => (
          // The name starts with the visible words (WCAG 2.5.3, voice control); the hidden part says what is replaced.
          <button key={s} type="button" class="df-button df-button--small" onClick={() => void apply(s)}>
            {s === '' ? t('fix.remove') : t('fix.use', { text: s })}
            <span class="df-visually-hidden"> ({t('fix.useLabel', { from: flag.text, to: s })})</span>
          </button>
        ))}
        <button type="button" class="df-link" onClick={() => model.dismiss(flag)} aria-label={t('fix.dismissLabel', { text: flag.text })}>
          {t('fix.dismiss')}
        </button>
      </div>
      {problem && (
        <p class="df-muted" role="status">
          {problem}
        </p>
      )}
    </li>
  );
}

export function DraftPanel({ model, t }: { model: DraftModel; t: Translate }) {
  const verdict = model.verdict.value;
  const groups = model.groups.value;
  const empty = model.draft.value.value.trim() === '';
  return (
    <section class="df-section" aria-labelledby="df-draft-title">
      <h2 id="df-draft-title">{t('draft.title')}</h2>
      {empty ? (
        <p class="df-muted">{t('draft.empty')}</p>
      ) : groups.length === 0 ? (
        <p class="df-muted" data-testid="no-flags">{t('draft.clean')}</p>
      ) : (
        <ul class="df-flags" aria-label={t('draft.flags')} data-testid="flags">
          {groups.slice(0, MAX_CARDS).map(({ flag, count }) => (
            // Keyed by rule and words: typing elsewhere in the draft keeps each card (and its message).
            <FlagItem key={`${flag.ruleId}@${flag.text.toLowerCase()}`} flag={flag} count={count} model={model} t={t} />
          ))}
          {groups.length > MAX_CARDS && (
            <li class="df-muted" data-testid="flags-more">
              {t('draft.more', { count: groups.length - MAX_CARDS })}
            </li>
          )}
        </ul>
      )}
      <h3 class="df-subhead">{t('draft.checklist')}</h3>
      <ul class="df-checklist" data-testid="checklist">
        {ELEMENTS.map((id) => {
          const hit = verdict.elements[id];
          return (
            <li key={id} data-element={id} data-present={hit.present ? 'true' : 'false'}>
              <span class="df-check" aria-hidden="true">{hit.present ? '✓' : '○'}</span>
              <span>
                {t(`element.${id}`)}
                <span class="df-visually-hidden">{hit.present ? t('element.present') : t('element.missing')}</span>
              </span>
              {hit.present && hit.text && <q class="df-muted">{hit.text}</q>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
