// The local agent workspace: a ticket list, the conversation, a reply composer and the app in a
// Zendesk-sized sidebar iframe, talking to it through HostSimulator over real postMessage.
import { effect, signal } from '@preact/signals';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Composer, escapeHtml, sanitizeHtml } from './composer';
import { HostSimulator } from './host-simulator';
import {
  addMessage, agent, faultMode, type FaultMode, agentId, agents, appHeight, appInstance, brands, commentType, createAdapter, faults, logProtocol,
  notices, parameters, protocolLog, registration, selected, selectedId, settings, tickets, updateTicket,
} from './store';

const APP_ORIGIN = document.querySelector<HTMLMetaElement>('meta[name="defuse-app-origin"]')?.content ?? location.origin;
const SIDEBAR_WIDTH = 340;

let composer: Composer | null = null;
const drafts = new Map<number, { rich: boolean; value: string }>();
const simulator = signal<HostSimulator | null>(null);
const blocked = signal<string | null>(null);

function Html({ html, class: cls }: { html: string; class?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.replaceChildren(sanitizeHtml(html));
  }, [html]);
  return <div class={cls} ref={ref} />;
}

function TicketList() {
  return (
    <nav class="ws-list" aria-label="Tickets">
      <h2>Views · All tickets</h2>
      <ul>
        {tickets.value.map((t) => (
          <li key={t.id}>
            <button type="button" aria-current={t.id === selectedId.value ? 'page' : undefined} data-ticket={t.id} onClick={() => selectTicket(t.id)}>
              <span class="ws-list__subject">{t.subject}</span>
              <span class="ws-list__meta">#{t.id} · {t.requester.name ?? t.requester.email} · {brands.find((b) => b.id === t.brandId)?.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function selectTicket(id: number): void {
  if (id === selectedId.value) return;
  const current = selected.value;
  if (current && composer) drafts.set(current.id, { rich: composer.isRich, value: composer.value });
  selectedId.value = id;
  blocked.value = null;
  const draft = drafts.get(id);
  composer?.setRich(draft?.rich ?? true);
  composer?.setValue(draft?.value ?? '', false);
  const query = new URLSearchParams(location.search);
  query.set('ticket', String(id));
  history.replaceState(null, '', `?${query}`);
}

function ComposerBox() {
  const rich = useRef<HTMLDivElement>(null);
  const plain = useRef<HTMLTextAreaElement>(null);
  const [isRich, setRich] = useState(true);
  useEffect(() => {
    if (!rich.current || !plain.current) return;
    composer = new Composer(rich.current, plain.current, () => simulator.value?.emit('comment.text.changed', composer?.value ?? ''));
    return () => composer?.dispose();
  }, []);
  const submit = async (): Promise<void> => {
    const t = selected.value;
    if (!t || !composer || composer.isEmpty) return;
    const sim = simulator.value;
    const outcome = sim ? await sim.requestSave() : { allowed: true as const };
    if (!outcome.allowed) {
      blocked.value = outcome.message;
      return;
    }
    blocked.value = null;
    const body = composer.isRich ? composer.value : composer.value.split('\n').map((l) => `<p>${escapeHtml(l)}</p>`).join('');
    addMessage(t.id, { author: 'agent', name: agent.value.name, internal: commentType.value === 'internalNote', body, at: new Date().toISOString() });
    composer.setValue('');
    drafts.delete(t.id);
    sim?.emit('ticket.submit.done');
  };
  return (
    <section class="ws-composer" aria-label="Reply">
      <div class="ws-composer__bar">
        <div role="radiogroup" aria-label="Reply type" class="ws-seg">
          {(['publicReply', 'internalNote'] as const).map((type) => (
            <button key={type} type="button" role="radio" aria-checked={commentType.value === type} onClick={() => (commentType.value = type)}>
              {type === 'publicReply' ? 'Public reply' : 'Internal note'}
            </button>
          ))}
        </div>
        <label class="ws-check">
          <input
            type="checkbox"
            checked={isRich}
            data-testid="rich-toggle"
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              composer?.setRich(on);
              setRich(on);
            }}
          />
          Rich text
        </label>
      </div>
      <div ref={rich} class={`ws-editor ${commentType.value === 'internalNote' ? 'ws-editor--note' : ''}`} contentEditable role="textbox" aria-multiline="true" aria-label="Reply composer" data-testid="composer-rich" />
      <textarea ref={plain} class="ws-editor ws-editor--plain" aria-label="Reply composer (plain text)" data-testid="composer-plain" hidden />
      {blocked.value && (
        <p class="ws-blocked" role="alert" data-testid="save-blocked">
          <strong>Not sent.</strong> {blocked.value}
        </p>
      )}
      <div class="ws-composer__actions">
        <button type="button" class="ws-primary" data-testid="submit" onClick={() => void submit()}>
          Submit
        </button>
      </div>
    </section>
  );
}

function CustomerReply() {
  const [text, setText] = useState('');
  const add = (): void => {
    const t = selected.value;
    if (!t || !text.trim()) return;
    addMessage(t.id, { author: 'customer', internal: false, body: text.split('\n').map((l) => `<p>${escapeHtml(l)}</p>`).join(''), at: new Date().toISOString() });
    setText('');
  };
  return (
    <details class="ws-simulate">
      <summary>Simulate a customer reply</summary>
      <textarea aria-label="Customer reply" data-testid="customer-reply" value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <button type="button" data-testid="add-customer-reply" onClick={add}>
        Add as customer
      </button>
    </details>
  );
}

function TicketView() {
  const t = selected.value;
  if (!t) return <main class="ws-ticket">No ticket selected.</main>;
  return (
    <main class="ws-ticket" aria-label={`Ticket #${t.id}`}>
      <header class="ws-ticket__head">
        <h1>{t.subject}</h1>
        <div class="ws-ticket__props">
          <span>#{t.id}</span>
          <span>Requester: {t.requester.name ?? t.requester.email}</span>
          <label>
            Brand{' '}
            <select data-testid="brand" value={t.brandId} onChange={(e) => updateTicket(t.id, (x) => ({ ...x, brandId: Number((e.target as HTMLSelectElement).value) }))}>
              {brands.map((b) => (
                <option key={b.id} value={b.id}>{b.name}</option>
              ))}
            </select>
          </label>
          <span class="ws-status">{t.status}</span>
        </div>
        <ul class="ws-tags" aria-label="Tags" data-testid="tags">
          {t.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      </header>
      <ol class="ws-thread" aria-label="Conversation">
        {t.messages.map((m, i) => (
          <li key={i} class={`ws-msg ws-msg--${m.author}${m.internal ? ' ws-msg--internal' : ''}`}>
            <div class="ws-msg__who">
              {m.author === 'customer' ? m.name ?? t.requester.name ?? t.requester.email : m.name ?? agent.value.name}
              {m.internal ? ' · internal note' : ''} <time>{new Date(m.at).toLocaleString()}</time>
            </div>
            <Html class="ws-msg__body" html={m.body} />
          </li>
        ))}
      </ol>
      <ComposerBox />
      <CustomerReply />
    </main>
  );
}

function AppFrame() {
  const frame = useRef<HTMLIFrameElement>(null);
  const instance = appInstance.value;
  const ticketId = selectedId.value;
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const guid = crypto.randomUUID();
    const sim = new HostSimulator(el, APP_ORIGIN, guid, () => registration(guid), createAdapter(() => composer), () => faults.value, logProtocol);
    simulator.value = sim;
    el.src = `${APP_ORIGIN}/assets/iframe.html?origin=${encodeURIComponent(location.origin)}&app_guid=${guid}`;
    return () => {
      sim.dispose();
      if (simulator.value === sim) simulator.value = null;
    };
  }, [instance, ticketId]);
  return (
    <iframe
      ref={frame}
      title="Defuse app"
      data-testid="app-frame"
      class="ws-app"
      style={{ width: `${SIDEBAR_WIDTH}px`, height: `${appHeight.value}px` }}
    />
  );
}

// Zendesk tells the app when the ticket changes under it; so does the workspace.
let previous = selected.peek();
effect(() => {
  const t = selected.value;
  const sim = simulator.value;
  const before = previous;
  previous = t;
  if (!t || !sim || !before || before.id !== t.id) return;
  if (before.messages !== t.messages) {
    sim.emit('ticket.conversation.changed', null);
    sim.emit('ticket.comments.changed', null);
  }
  if (before.tags !== t.tags) sim.emit('ticket.tags.changed', { propertyName: 'ticket.tags', newValue: t.tags });
  if (before.brandId !== t.brandId) sim.emit('ticket.brand.changed', { propertyName: 'ticket.brand', newValue: brands.find((b) => b.id === t.brandId) });
});

function SettingsEditor() {
  const [draft, setDraft] = useState<Record<string, string>>(settings.value);
  return (
    <details class="ws-settings" data-testid="settings">
      <summary>App settings (admin)</summary>
      <p class="ws-hint">As Zendesk hands them to the app: parameter name → value; JSON settings are strings.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          settings.value = { ...draft };
          appInstance.value += 1; // Zendesk reloads installed apps when their settings change
        }}
      >
        {parameters.map((p) => (
          <label key={p.name} class="ws-field">
            <span>{p.label}</span>
            {p.type === 'multiline' ? (
              <textarea name={p.name} value={draft[p.name] ?? ''} onInput={(e) => setDraft({ ...draft, [p.name]: (e.target as HTMLTextAreaElement).value })} />
            ) : (
              <input name={p.name} value={draft[p.name] ?? ''} onInput={(e) => setDraft({ ...draft, [p.name]: (e.target as HTMLInputElement).value })} />
            )}
            <small>{p.helpText}</small>
          </label>
        ))}
        <button type="submit" class="ws-primary">Save settings</button>
      </form>
    </details>
  );
}

function ProtocolLog() {
  return (
    <details class="ws-log">
      <summary>ZAF messages ({protocolLog.value.length})</summary>
      <ol>
        {protocolLog.value.slice(-60).map((e, i) => (
          <li key={i}>
            <span>{e.direction}</span> {e.summary}
          </li>
        ))}
      </ol>
    </details>
  );
}

function TopBar() {
  return (
    <header class="ws-top">
      <strong>Defuse</strong> <span>local agent workspace</span>
      <label>
        Signed in as{' '}
        <select data-testid="agent" value={agentId.value} onChange={(e) => { agentId.value = Number((e.target as HTMLSelectElement).value); appInstance.value += 1; }}>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>{a.name} ({a.role}, {a.locale})</option>
          ))}
        </select>
      </label>
      <label>
        Host{' '}
        <select data-testid="faults" value={faultMode.value} onChange={(e) => (faultMode.value = (e.target as HTMLSelectElement).value as FaultMode)}>
          <option value="ok">answers normally</option>
          <option value="slow">is slow (12 s)</option>
          <option value="failing">fails to read the conversation</option>
        </select>
      </label>
    </header>
  );
}

function Workspace() {
  return (
    <div class="ws">
      <TopBar />
      <div class="ws-body">
        <TicketList />
        <TicketView />
        <aside class="ws-apps" aria-label="Apps">
          <h2>Apps</h2>
          <AppFrame />
          <SettingsEditor />
          <ProtocolLog />
        </aside>
      </div>
      <div class="ws-notices" aria-live="polite">
        {notices.value.map((n) => (
          <p key={n.id} class={`ws-notice ws-notice--${n.kind}`}>{n.text}</p>
        ))}
      </div>
    </div>
  );
}

render(<Workspace />, document.getElementById('workspace')!);
