import { useState } from 'preact/hooks';
import { localized, type Framework, type SlotSpec } from '../core/frameworks';
import type { Translate } from '../i18n/translate';
import type { FrameworksModel } from '../state/frameworks-model';

function SlotField({ slot, model, locale, t }: { slot: SlotSpec; model: FrameworksModel; locale: string; t: Translate }) {
  const id = `df-slot-${slot.id}`;
  const label = slot.label ? localized(slot.label, locale) : t(`slot.${slot.type}`);
  const hint = slot.hint ? localized(slot.hint, locale) : '';
  const value = model.slots.value[slot.id];
  const text = Array.isArray(value) ? value.join('\n') : (value ?? '');
  const set = (v: string | string[]) => model.setSlot(slot.id, v);
  const required = slot.required ? <span aria-hidden="true"> *</span> : null;
  if (slot.type === 'options') {
    const list = Array.isArray(value) ? value : text ? text.split('\n') : [];
    const count = slot.max ?? 3;
    return (
      <fieldset class="df-field">
        <legend>
          {label}
          {required}
        </legend>
        {Array.from({ length: count }, (_, i) => (
          <input
            key={i}
            type="text"
            aria-label={t('slot.optionN', { n: i + 1, label })}
            placeholder={i === 0 ? hint : ''}
            value={list[i] ?? ''}
            onInput={(e) => {
              const next = [...list];
              next[i] = (e.target as HTMLInputElement).value;
              set(next);
            }}
          />
        ))}
      </fieldset>
    );
  }
  return (
    <div class="df-field">
      <label for={id}>
        {label}
        {required}
      </label>
      {slot.type === 'facts-checked' ? (
        <textarea id={id} rows={3} placeholder={hint} value={text} onInput={(e) => set((e.target as HTMLTextAreaElement).value)} />
      ) : (
        <input id={id} type="text" placeholder={hint} value={text} aria-required={slot.required ? 'true' : undefined} onInput={(e) => set((e.target as HTMLInputElement).value)} />
      )}
      {slot.type === 'time-window' && (
        <div class="df-picks" role="group" aria-label={t('slot.quickPicks')}>
          {model.timePicks.value.map((p) => (
            <button key={p.id} type="button" class="df-button df-button--small" aria-pressed={text === p.label} onClick={() => set(p.label)}>
              {p.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

// Labels and hints are the agent's UI; only the preview is in the reply's (requester's) language.
function FrameworkForm({ model, fw, uiLocale, t }: { model: FrameworksModel; fw: Framework; uiLocale: string; t: Translate }) {
  const [status, setStatus] = useState<string | null>(null);
  const filled = model.filled.value;
  const locale = model.bodyLocale.value;
  const missing = filled?.missing ?? [];
  const labelOf = (slotId: string) => {
    const slot = fw.slots.find((s) => s.id === slotId);
    return slot?.label ? localized(slot.label, uiLocale) : slotId;
  };
  return (
    <div class="df-fw-form" data-testid="framework-form">
      {fw.slots.map((slot) => (
        <SlotField key={slot.id} slot={slot} model={model} locale={uiLocale} t={t} />
      ))}
      <p class="df-subhead" id="df-fw-preview-title">
        {t('fw.preview')}
      </p>
      {/* It scrolls when long: focusable and named, so keyboard users can scroll and hear what it is. */}
      <div class="df-preview" data-testid="framework-preview" lang={locale} tabIndex={0} role="region" aria-labelledby="df-fw-preview-title">
        {filled?.text}
      </div>
      {missing.length > 0 && (
        <p class="df-muted" data-testid="framework-missing">
          {t('fw.missing', { fields: missing.map(labelOf).join(', ') })}
        </p>
      )}
      <button
        type="button"
        class="df-button df-button--primary"
        data-testid="framework-insert"
        aria-disabled={missing.length > 0}
        onClick={async () => {
          const r = await model.insert();
          setStatus(r.ok ? t(r.how === 'cursor' ? 'fw.inserted' : 'fw.appended') : t(r.reason === 'missing' ? 'fw.fillFirst' : 'fw.failed'));
        }}
      >
        {t('fw.insert')}
      </button>
      {status && (
        <p class="df-muted" role="status" data-testid="framework-status">
          {status}
        </p>
      )}
    </div>
  );
}

export function FrameworksPanel({ model, uiLocale, t }: { model: FrameworksModel; uiLocale: string; t: Translate }) {
  const ordered = model.ordered.value;
  const suggestions = model.suggestions.value;
  const selected = model.selected.value;
  return (
    <section class="df-section" aria-labelledby="df-fw-title">
      <h2 id="df-fw-title">{t('fw.title')}</h2>
      {ordered.length === 0 ? (
        <p class="df-muted">{t('fw.none')}</p>
      ) : (
        <ul class="df-fw-list" data-testid="frameworks">
          {ordered.map((fw) => {
            const suggestion = suggestions.find((s) => s.id === fw.id);
            const open = selected?.id === fw.id;
            return (
              <li key={fw.id} data-framework={fw.id}>
                <button type="button" class="df-fw-item" aria-expanded={open} onClick={() => model.select(fw.id)}>
                  <span class="df-fw-item__name">{localized(fw.name, uiLocale)}</span>
                  {suggestion === suggestions[0] && suggestion && <span class="df-badge df-badge--suggested">{t('fw.suggested')}</span>}
                  {suggestion && <span class="df-fw-item__why">{suggestion.why}</span>}
                </button>
                {open && <FrameworkForm model={model} fw={fw} uiLocale={uiLocale} t={t} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
