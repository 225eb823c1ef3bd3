// The workspace's reply composer: a rich-text editor (contenteditable) with a switch to plain text,
// which keeps the agent's cursor so that `ticket.editor.insert` lands where they left it.
import { htmlToText } from '../../src/core/text';

const DROP = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'LINK', 'META', 'FORM', 'INPUT', 'BUTTON', 'TEXTAREA', 'SELECT']);

/** Zendesk sanitises inserted HTML (scripts, handlers and most styling go); so does the workspace. */
export function sanitizeHtml(html: string): DocumentFragment {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const walk = (node: Element): void => {
    for (const child of [...node.children]) {
      if (DROP.has(child.tagName)) {
        child.remove();
        continue;
      }
      for (const attr of [...child.attributes]) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on') || name === 'style' || ((name === 'href' || name === 'src') && /^\s*javascript:/i.test(attr.value))) child.removeAttribute(attr.name);
      }
      walk(child);
    }
  };
  walk(doc.body);
  const fragment = document.createDocumentFragment();
  fragment.append(...doc.body.childNodes);
  return fragment;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text to the HTML a rich composer would hold: one paragraph per line. */
export function textToHtml(text: string): string {
  return text
    .split('\n')
    .map((line) => `<p>${line === '' ? '<br>' : escapeHtml(line)}</p>`)
    .join('');
}

export class Composer {
  private range: Range | null = null;
  private plainSelection: { start: number; end: number } | null = null;
  private readonly onSelection = (): void => {
    const sel = document.getSelection();
    if (sel && sel.rangeCount > 0 && this.rich.contains(sel.anchorNode)) this.range = sel.getRangeAt(0).cloneRange();
  };
  private readonly onPlainSelection = (): void => {
    this.plainSelection = { start: this.plain.selectionStart, end: this.plain.selectionEnd };
  };

  constructor(
    private readonly rich: HTMLElement,
    private readonly plain: HTMLTextAreaElement,
    private readonly onChange: () => void,
    public isRich = true,
  ) {
    document.addEventListener('selectionchange', this.onSelection);
    for (const type of ['select', 'keyup', 'click', 'input', 'blur']) plain.addEventListener(type, this.onPlainSelection);
    rich.addEventListener('input', onChange);
    plain.addEventListener('input', onChange);
    this.show();
  }

  dispose(): void {
    document.removeEventListener('selectionchange', this.onSelection);
  }

  /** What `comment.text` returns: HTML in rich mode, text in plain mode. */
  get value(): string {
    return this.isRich ? this.rich.innerHTML : this.plain.value;
  }

  get text(): string {
    return this.isRich ? htmlToText(this.rich.innerHTML) : this.plain.value;
  }

  get isEmpty(): boolean {
    return this.text.trim() === '';
  }

  setValue(value: string, notify = true): void {
    if (this.isRich) {
      this.rich.replaceChildren(sanitizeHtml(value));
      this.range = null;
    } else {
      this.plain.value = value;
      this.plainSelection = null;
    }
    if (notify) this.onChange();
  }

  /** Switches editors, carrying the draft across (rich → plain keeps the words, plain → rich keeps the lines). */
  setRich(rich: boolean): void {
    if (rich === this.isRich) return;
    const current = this.text;
    this.isRich = rich;
    this.show();
    this.setValue(rich ? textToHtml(current) : current);
  }

  /** `ticket.editor.insert`: at the cursor the agent left, or at the end when they never placed one. */
  insertAtCursor(html: string): void {
    if (!this.isRich) {
      // htmlToText trims; an insert keeps the spaces that join it to the agent's words.
      const text = (/^\s/.test(html) ? ' ' : '') + htmlToText(html) + (/\s$/.test(html) ? ' ' : '');
      const { start, end } = this.plainSelection ?? { start: this.plain.value.length, end: this.plain.value.length };
      // Insert at the caret; a selection is kept (never replaced) so no draft text is lost.
      const at = Math.max(start, end);
      this.plain.value = this.plain.value.slice(0, at) + text + this.plain.value.slice(at);
      this.plainSelection = { start: at + text.length, end: at + text.length };
      this.onChange();
      return;
    }
    const fragment = sanitizeHtml(html);
    const last = fragment.lastChild;
    let range = this.range;
    if (!range || !this.rich.contains(range.endContainer)) {
      range = document.createRange();
      range.selectNodeContents(this.rich);
    }
    range.collapse(false);
    range.insertNode(fragment);
    if (last) {
      range.setStartAfter(last);
      range.collapse(true);
    }
    this.range = range.cloneRange();
    this.onChange();
  }

  appendHtml(html: string): void {
    if (this.isRich) this.rich.append(sanitizeHtml(html));
    else this.plain.value += (this.plain.value && !this.plain.value.endsWith('\n') ? '\n' : '') + htmlToText(html);
    this.onChange();
  }

  appendText(text: string): void {
    if (this.isRich) this.rich.append(sanitizeHtml(textToHtml(text)));
    else this.plain.value += (this.plain.value && !this.plain.value.endsWith('\n') ? '\n' : '') + text;
    this.onChange();
  }

  focus(): void {
    (this.isRich ? this.rich : this.plain).focus();
  }

  private show(): void {
    this.rich.hidden = !this.isRich;
    this.plain.hidden = this.isRich;
  }
}
