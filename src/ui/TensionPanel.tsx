import type { ThreadVerdict } from '../core/tension';
import type { Translate } from '../i18n/translate';
import type { TensionModel } from '../state/tension-model';

// Shape, word and colour together: the level never depends on colour alone.
function LevelIcon({ level }: { level: ThreadVerdict['level'] }) {
  const shape =
    level === 'heated' ? <path d="M8 1 15 8 8 15 1 8Z" /> : level === 'tense' ? <path d="M8 2 15 14H1Z" /> : level === 'calm' ? <circle cx="8" cy="8" r="6" /> : <path d="M2 7h12v2H2z" />;
  return (
    <svg class="df-level__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      {shape}
    </svg>
  );
}

function Sparkline({ scores, label }: { scores: number[]; label: string }) {
  if (scores.length < 2) return null;
  const w = 120;
  const h = 28;
  const x = (i: number) => (i * (w - 6)) / (scores.length - 1) + 3;
  const y = (s: number) => h - 3 - (Math.min(100, Math.max(0, s)) * (h - 6)) / 100;
  const points = scores.map((s, i) => `${x(i).toFixed(1)},${y(s).toFixed(1)}`).join(' ');
  return (
    <svg class="df-spark" viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={label}>
      <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" />
      <circle cx={x(scores.length - 1)} cy={y(scores[scores.length - 1]!)} r="2.5" fill="currentColor" />
    </svg>
  );
}

export function TensionPanel({ model, t }: { model: TensionModel; t: Translate }) {
  const verdict = model.verdict.value;
  if (!verdict) return null;
  const assessed = verdict.level !== 'not-assessed';
  const scores = verdict.messages.map((m) => m.score);
  const reasons = verdict.reasons.filter((r) => r.id !== 'politeness');
  return (
    <section class={`df-section df-tension df-tension--${verdict.level}`} aria-labelledby="df-tension-title">
      <h2 id="df-tension-title">{t('tension.title')}</h2>
      <p class="df-level">
        <LevelIcon level={verdict.level} />
        <strong data-testid="tension-level">{t(`level.${verdict.level}`)}</strong>
        {assessed && <span class="df-score" data-testid="tension-score">{t('tension.score', { score: verdict.score })}</span>}
      </p>
      {!assessed ? (
        <p class="df-muted" data-testid="not-assessed">
          {t('tension.notAssessed', { language: verdict.language })}
        </p>
      ) : (
        <>
          <div class="df-trend">
            {verdict.unscored ? (
              // The earlier messages are being scored (a frame at most): the series' place is kept.
              <svg class="df-spark" viewBox="0 0 120 28" width={120} height={28} aria-hidden="true" data-testid="sparkline-pending" />
            ) : (
              <Sparkline scores={scores} label={t('tension.sparkline', { scores: scores.join(', ') })} />
            )}
            <span data-testid="after-reply">{t(`after.${verdict.afterLastReply}`)}</span>
          </div>
          {reasons.length > 0 && (
            <ul class="df-reasons" aria-label={t('tension.reasons')}>
              {reasons.map((r) => (
                <li key={r.id} class={r.weight === 0 ? 'df-chip df-chip--zero' : 'df-chip'} data-reason={r.id}>
                  <span class="df-chip__label">{t(`reason.${r.id}`)}</span>
                  {r.spans.slice(0, 3).map((s, i) => (
                    <q key={i}>{s.text}</q>
                  ))}
                  {/* Seen and shown, but not counted: a deadline named beside no complaint, capitals that thank. */}
                  {r.weight === 0 && <span class="df-muted">{t('tension.noPoints')}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <button type="button" class="df-link" aria-pressed={model.falseFlag.value} data-testid="false-flag" onClick={model.toggleFalseFlag}>
        {model.falseFlag.value ? t('tension.markedWrong') : t('tension.markWrong')}
      </button>
    </section>
  );
}
