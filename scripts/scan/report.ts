// The QA report: a CSV row per ticket (ids and labels only, no customer text) written as the scan goes,
// and small running tallies that become a self-contained HTML page at the end (inline CSS and SVG, no
// scripts, no external resources; every string that came from the export is escaped).
import type { TicketVerdict } from './ticket';

export const LEVELS = ['heated', 'tense', 'calm', 'not-assessed'] as const;
type Level = (typeof LEVELS)[number];
const AFTER = ['hotter', 'same', 'calmer', 'no-reply-yet'] as const;
const COLORS: Record<string, string> = { heated: '#c0392b', tense: '#e67e22', calm: '#27ae60', 'not-assessed': '#95a5a6', hotter: '#c0392b', same: '#7f8c8d', calmer: '#27ae60', 'no-reply-yet': '#bdc3c7' };
/** Flagged tickets listed in the HTML; the CSV has them all. */
export const MAX_LISTED = 500;

export const CSV_HEADER = ['ticket_id', 'brand', 'level', 'score', 'reasons', 'trajectory', 'after_last_reply', 'flagged_reply', 'link'];

export function ticketLink(subdomain: string | undefined, id: number): string {
  return subdomain ? `https://${subdomain}.zendesk.com/agent/tickets/${id}` : '';
}

/** RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(v: TicketVerdict, subdomain: string | undefined): string {
  const { ticket, verdict } = v;
  return (
    [
      ticket.id,
      ticket.brand,
      verdict.level,
      verdict.score,
      verdict.reasons.map((r) => r.id).join(' '),
      verdict.trajectory,
      verdict.afterLastReply,
      v.flaggedReply ? 'yes' : 'no',
      ticketLink(ticket.subdomain ?? subdomain, ticket.id),
    ]
      .map(csvCell)
      .join(',') + '\r\n'
  );
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

interface Listed {
  id: number;
  brand: string;
  level: Level;
  score: number;
  reasons: string[];
  trajectory: string;
  after: string;
  flaggedReply: boolean;
  subject: string;
  evidence: string[];
  subdomain: string | undefined;
}

const count = (map: Map<string, Record<string, number>>, key: string, sub: string): void => {
  const row = map.get(key) ?? {};
  row[sub] = (row[sub] ?? 0) + 1;
  map.set(key, row);
};

/** Monday (UTC) of the ISO week of an ISO date, as YYYY-MM-DD. */
export function weekOf(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day)).toISOString().slice(0, 10);
}

export class ReportTally {
  tickets = 0;
  malformed = 0;
  duplicates = 0;
  flaggedReplies = 0;
  readonly levels: Record<Level, number> = { heated: 0, tense: 0, calm: 0, 'not-assessed': 0 };
  readonly byBrand = new Map<string, Record<string, number>>();
  readonly byWeek = new Map<string, Record<string, number>>();
  readonly reasons = new Map<string, number>();
  /** After the agent's last reply, by the level the customer is at now. */
  readonly afterReply = new Map<string, Record<string, number>>();
  private listed: Listed[] = [];

  constructor(readonly subdomain: string | undefined) {}

  add(v: TicketVerdict): void {
    const { ticket, verdict } = v;
    const level = verdict.level as Level;
    this.tickets++;
    this.levels[level]++;
    if (v.flaggedReply) this.flaggedReplies++;
    count(this.byBrand, ticket.brand, level);
    const week = weekOf(ticket.createdAt);
    if (week) count(this.byWeek, week, level);
    for (const r of verdict.reasons) this.reasons.set(r.id, (this.reasons.get(r.id) ?? 0) + 1);
    count(this.afterReply, level, verdict.afterLastReply);
    if (level === 'heated' || level === 'tense' || v.flaggedReply) {
      this.listed.push({
        id: ticket.id,
        brand: ticket.brand,
        level,
        score: verdict.score,
        reasons: verdict.reasons.map((r) => r.id),
        trajectory: verdict.trajectory,
        after: verdict.afterLastReply,
        flaggedReply: v.flaggedReply,
        subject: (ticket.subject ?? '').slice(0, 160),
        evidence: v.evidence,
        subdomain: ticket.subdomain ?? this.subdomain,
      });
      // Keep memory flat: only the most severe MAX_LISTED survive.
      if (this.listed.length > 2 * MAX_LISTED) this.listed = sortListed(this.listed).slice(0, MAX_LISTED);
    }
  }

  flagged(): Listed[] {
    return sortListed(this.listed).slice(0, MAX_LISTED);
  }
}

const RANK: Record<Level, number> = { heated: 0, tense: 1, calm: 2, 'not-assessed': 3 };
function sortListed(list: Listed[]): Listed[] {
  return [...list].sort((a, b) => RANK[a.level] - RANK[b.level] || b.score - a.score || a.id - b.id);
}

// --- charts (inline SVG) ---

function stackedBars(rows: Array<[string, Record<string, number>]>, keys: readonly string[], title: string): string {
  if (rows.length === 0) return `<p class="empty">No data for “${escapeHtml(title)}”.</p>`;
  const labelW = 180;
  const barW = 460;
  const rowH = 22;
  const max = Math.max(1, ...rows.map(([, r]) => keys.reduce((s, k) => s + (r[k] ?? 0), 0)));
  const parts: string[] = [];
  rows.forEach(([label, r], i) => {
    const y = i * rowH;
    let x = labelW;
    const total = keys.reduce((s, k) => s + (r[k] ?? 0), 0);
    parts.push(`<text x="${labelW - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(label.length > 28 ? `${label.slice(0, 27)}…` : label)}</text>`);
    for (const k of keys) {
      const n = r[k] ?? 0;
      if (n === 0) continue;
      const w = (n / max) * barW;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${COLORS[k] ?? '#34495e'}"><title>${escapeHtml(`${label}: ${k} ${n}`)}</title></rect>`);
      x += w;
    }
    parts.push(`<text x="${(x + 4).toFixed(1)}" y="${y + 15}">${total}</text>`);
  });
  const h = rows.length * rowH;
  return `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${labelW + barW + 60} ${h}" width="${labelW + barW + 60}" height="${h}">${parts.join('')}</svg>`;
}

function legend(keys: readonly string[]): string {
  return `<p class="legend">${keys.map((k) => `<span><i style="background:${COLORS[k] ?? '#34495e'}"></i>${escapeHtml(k)}</span>`).join(' ')}</p>`;
}

function weekColumns(rows: Array<[string, Record<string, number>]>): string {
  if (rows.length === 0) return '<p class="empty">No ticket dates in the export.</p>';
  const keys = ['heated', 'tense'] as const;
  const colW = Math.max(6, Math.min(24, Math.floor(720 / rows.length)));
  const h = 160;
  const max = Math.max(1, ...rows.map(([, r]) => keys.reduce((s, k) => s + (r[k] ?? 0), 0)));
  const parts: string[] = [];
  rows.forEach(([week, r], i) => {
    let y = h;
    const x = i * colW;
    for (const k of keys) {
      const n = r[k] ?? 0;
      if (n === 0) continue;
      const hh = (n / max) * (h - 10);
      y -= hh;
      parts.push(`<rect x="${x}" y="${y.toFixed(1)}" width="${colW - 2}" height="${hh.toFixed(1)}" fill="${COLORS[k]}"><title>${escapeHtml(`week of ${week}: ${k} ${n} of ${Object.values(r).reduce((a, b) => a + b, 0)}`)}</title></rect>`);
    }
  });
  const first = escapeHtml(rows[0]![0]);
  const last = escapeHtml(rows[rows.length - 1]![0]);
  const w = rows.length * colW;
  return `<svg role="img" aria-label="Tense and heated tickets by week" viewBox="0 0 ${w} ${h + 16}" width="${w}" height="${h + 16}">${parts.join('')}<text x="0" y="${h + 13}">${first}</text><text x="${w}" y="${h + 13}" text-anchor="end">${last}</text></svg>`;
}

const pct = (n: number, total: number): string => (total === 0 ? '0%' : `${((100 * n) / total).toFixed(1)}%`);

export function renderHtml(tally: ReportTally, meta: { source: string; generatedAt: string; rulesVersion: string }): string {
  const total = tally.tickets;
  const brands = [...tally.byBrand].sort((a, b) => (b[1].heated ?? 0) + (b[1].tense ?? 0) - ((a[1].heated ?? 0) + (a[1].tense ?? 0)) || a[0].localeCompare(b[0])).slice(0, 25);
  const weeks = [...tally.byWeek].sort((a, b) => a[0].localeCompare(b[0])).slice(-104);
  const reasons = [...tally.reasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 15).map(([id, n]): [string, Record<string, number>] => [id, { reason: n }]);
  const after = (['heated', 'tense', 'calm'] as const).map((l): [string, Record<string, number>] => [`now ${l}`, tally.afterReply.get(l) ?? {}]);
  const flagged = tally.flagged();
  const rows = flagged
    .map((t) => {
      const link = ticketLink(t.subdomain, t.id);
      const id = link ? `<a href="${escapeHtml(link)}">#${t.id}</a>` : `#${t.id}`;
      return `<tr class="${t.level}"><td>${id}</td><td>${escapeHtml(t.brand)}</td><td><b>${t.level}</b> ${t.score}</td><td>${escapeHtml(t.reasons.join(', '))}</td><td>${t.trajectory} / ${t.after}</td><td>${t.flaggedReply ? 'yes' : ''}</td><td>${escapeHtml(t.subject)}</td><td>${t.evidence.map((e) => `<q>${escapeHtml(e)}</q>`).join(' ')}</td></tr>`;
    })
    .join('\n');
  const summary = (['heated', 'tense', 'calm', 'not-assessed'] as const).map((l) => `<li class="${l}"><b>${tally.levels[l]}</b> ${l} (${pct(tally.levels[l], total)})</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Defuse QA report</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#2c3e50;max-width:1200px}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}svg text{font-size:11px;fill:#2c3e50}
ul.levels{display:flex;gap:18px;list-style:none;padding:0}ul.levels li{padding:6px 10px;border-radius:4px;background:#f4f6f7}
.legend span{margin-right:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e5e8e8;padding:4px 6px;text-align:left;vertical-align:top}
tr.heated td:first-child{border-left:4px solid #c0392b}tr.tense td:first-child{border-left:4px solid #e67e22}
q{background:#fdf2e9}.muted,.empty{color:#7f8c8d}
</style></head><body>
<h1>Defuse QA report</h1>
<p class="muted">${escapeHtml(meta.source)} · generated ${escapeHtml(meta.generatedAt)} · rules ${escapeHtml(meta.rulesVersion)} · ${total} tickets${tally.malformed ? ` · ${tally.malformed} malformed (see the scan's error output)` : ''}${tally.duplicates ? ` · ${tally.duplicates} duplicate entries skipped` : ''}</p>
<ul class="levels">${summary}<li><b>${tally.flaggedReplies}</b> with a flagged reply</li></ul>
<h2>Tension by brand</h2>${legend(LEVELS)}${stackedBars(brands, LEVELS, 'Tension by brand')}
<h2>Tense and heated tickets by week created</h2>${legend(['heated', 'tense'])}${weekColumns(weeks)}
<h2>Top reasons</h2>${stackedBars(reasons, ['reason'], 'Top reasons')}
<h2>After the agent's last reply, the customer got…</h2>${legend(AFTER)}${stackedBars(after, AFTER, 'Trajectory after the agent\u2019s replies')}
<h2>Flagged tickets (${flagged.length}${flagged.length === MAX_LISTED ? ' most severe' : ''})</h2>
${flagged.length === 0 ? '<p class="empty">No tense or heated tickets.</p>' : `<table><thead><tr><th>Ticket</th><th>Brand</th><th>Level</th><th>Reasons</th><th>Trajectory / after reply</th><th>Flagged reply</th><th>Subject</th><th>Customer's words</th></tr></thead><tbody>\n${rows}\n</tbody></table>`}
</body></html>
`;
}
