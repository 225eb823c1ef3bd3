// Zendesk hands comment bodies over as HTML. We need the words the customer typed, with block
// structure kept as line breaks and quoted history kept recognisable ("> " lines), never markup.

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', rsquo: '’', lsquo: '‘',
  rdquo: '”', ldquo: '“', mdash: '—', ndash: '–',
};

const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'hr']);
const SKIP = new Set(['script', 'style', 'head', 'title']);

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Plain text of an HTML fragment; text inside blockquotes comes out as "> " lines. Linear time. */
export function htmlToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return html;
  const out: string[] = [];
  let quoteDepth = 0;
  let skipping: string | null = null;
  let atLineStart = true;
  const emitText = (chunk: string): void => {
    if (chunk === '') return;
    const lines = chunk.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) newline();
      if (line === '') return;
      if (atLineStart && quoteDepth > 0) out.push('> '.repeat(quoteDepth));
      out.push(line);
      atLineStart = false;
    });
  };
  const newline = (): void => {
    out.push('\n');
    atLineStart = true;
  };
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|<!--[\s\S]*?-->/g;
  let last = 0;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    if (!skipping) emitText(decodeEntities(html.slice(last, m.index)));
    last = m.index + m[0].length;
    const name = m[2]?.toLowerCase();
    if (!name) continue;
    const closing = m[1] === '/';
    if (skipping) {
      if (closing && name === skipping) skipping = null;
      continue;
    }
    if (SKIP.has(name) && !closing) {
      skipping = name;
      continue;
    }
    if (name === 'blockquote') {
      if (!atLineStart) newline();
      quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
      continue;
    }
    if (BLOCK.has(name) && !atLineStart) newline();
    else if (name === 'br') newline();
  }
  if (!skipping) emitText(decodeEntities(html.slice(last)));
  return out.join('').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
