// A framework body -> the reply text. Bodies are plain text with {{name}} placeholders and
// {{#name}}…{{/name}} (shown when name has a value) / {{^name}}…{{/name}} (shown when it has none).
// The html is the escaped text with paragraphs and lists, so no value is ever markup.
import { localized } from './locale';
import type { Framework } from './schema';

export type SlotValues = Record<string, string | string[]>;

export interface Filled {
  text: string;
  html: string;
  /** Required slots still empty (options slots with fewer than their minimum). */
  missing: string[];
}

const SECTION = /\{\{\s*([#^])\s*([\w-]+)\s*\}\}([\s\S]*?)\{\{\s*\/\s*\2\s*\}\}/g;
const VALUE = /([,，、]?[ \t]*)\{\{([^{}]*)\}\}([,.:;!?、。]?)/g;
const BULLET = '• ';

const clean = (v: string | string[] | undefined): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => String(s).trim()).filter(Boolean);

/** Fills `template` from `get`; one pass, so values are never read as placeholders. */
function render(template: string, get: (name: string) => string): string {
  let t = template;
  // Repeated so nested sections open up; bounded so a hostile template cannot loop.
  for (let i = 0, before = ''; i < 4 && before !== t; i++) {
    before = t;
    t = t.replace(SECTION, (_, sigil: string, name: string, inner: string) => ((get(name) !== '') === (sigil === '#') ? inner : ''));
  }
  t = t.replace(/\{\{\s*[#^/][^{}]*\}\}/g, '');
  return t.replace(VALUE, (_, space: string, name: string, punct: string) => {
    const v = get(name.trim());
    // An empty value takes its space and a comma before it along ("Hola, {{firstName}}:" → "Hola:",
    // never "Hola, :"); a value that
    // ends a sentence absorbs the template's full stop.
    if (!v) return punct || space;
    return space + v + (/[.!?。！？…]["”»“」\u00a0]*$/.test(v) && /[.。]/.test(punct) ? '' : punct);
  });
}

export function fillFramework(fw: Framework, locale: string, vars: Record<string, string>, slots: SlotValues): Filled {
  const missing: string[] = [];
  const values: Record<string, string> = {};
  const fromVars = (name: string): string => String(vars[name] ?? '').trim();
  for (const slot of fw.slots) {
    const list = slot.type === 'options' || slot.type === 'facts-checked';
    let items = clean(slots[slot.id]);
    if (list) items = items.flatMap((s) => clean(s.split('\n')));
    const fallback = slot.default ?? (slot.type === 'owner' ? '{{agentName}}' : '');
    if (items.length === 0 && fallback) items = clean(render(fallback, fromVars));
    if (slot.type === 'options') items = items.slice(0, slot.max ?? 3);
    const tooFew = items.length < (slot.type === 'options' ? (slot.min ?? 2) : 1);
    if (slot.required && tooFew) missing.push(slot.id);
    // Lists (options, several facts) go on their own lines; one value reads inline.
    values[slot.id] = items.length > 1 || slot.type === 'options' ? items.map((s) => BULLET + s.replace(/\s*\n\s*/g, ' ')).join('\n') : (items[0] ?? '');
  }
  const text = render(localized(fw.body, locale), (name) => (name in values ? values[name]! : fromVars(name)))
    .replace(/(\S)[ \t]{2,}/g, '$1 ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, html: toHtml(text), missing };
}

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITY[c]!);

/** Plain text -> paragraphs, line breaks and bullet lists, every character of the text escaped. */
export function toHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((para) => {
      let out = '';
      let lines: string[] = [];
      let items: string[] = [];
      const flush = (): void => {
        if (lines.length) out += `<p>${lines.join('<br>')}</p>`;
        if (items.length) out += `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
        lines = [];
        items = [];
      };
      for (const line of para.split('\n')) {
        const bullet = line.startsWith(BULLET);
        if (bullet ? lines.length : items.length) flush();
        (bullet ? items : lines).push(escapeHtml(bullet ? line.slice(BULLET.length) : line));
      }
      flush();
      return out;
    })
    .join('');
}
