// A faithful stand-in for Zendesk's side of the ZAF postMessage protocol, run by the local workspace
// page around the app's iframe. The app runs the real SDK; this answers it the way Zendesk does:
// handshake → asynchronous app.registered, get/set/invoke with per-path `errors`, subscriptions,
// events and blocking `ticket.save` hooks. Protocol notes: https://github.com/zendesk/zendesk_app_framework_sdk (lib/client.js).

export type Answer = { value: unknown } | { error: { message: string; name: string } };

/** What the simulator asks of the workspace: read a path, write one, run an action. */
export interface WorkspaceAdapter {
  get(path: string): Answer;
  set(path: string, value: unknown): Answer;
  invoke(action: string, args: unknown[]): Answer;
}

export interface Registration {
  metadata: { appId: number; installationId: number; name: string; version: string; settings: Record<string, unknown> };
  context: Record<string, unknown>;
}

export interface Faults {
  /** Every answer waits this long (simulates a slow host; past the SDK's timeout, the app sees a timeout). */
  delayMs: number;
  /** Paths and actions that answer with an error. */
  failing: ReadonlySet<string>;
}

export interface ProtocolEntry {
  direction: 'app→host' | 'host→app';
  summary: string;
}

export type SaveOutcome = { allowed: true } | { allowed: false; message: string };

const SAVE_REPLY_TIMEOUT_MS = 15_000;

export class HostSimulator {
  private readonly subscribers = new Map<string, number>();
  private pendingSave: ((outcome: SaveOutcome) => void) | null = null;
  private registered = false;
  private readonly listener = (event: MessageEvent): void => this.receive(event);

  constructor(
    private readonly frame: HTMLIFrameElement,
    private readonly appOrigin: string,
    private readonly appGuid: string,
    private readonly registration: () => Registration,
    private readonly adapter: WorkspaceAdapter,
    private readonly faults: () => Faults = () => ({ delayMs: 0, failing: new Set() }),
    private readonly log: (entry: ProtocolEntry) => void = () => {},
  ) {
    window.addEventListener('message', this.listener);
  }

  dispose(): void {
    window.removeEventListener('message', this.listener);
    this.pendingSave?.({ allowed: true });
  }

  /** Number of app handlers for an event, as the SDK reports them. */
  subscriberCount(event: string): number {
    return this.subscribers.get(event) ?? 0;
  }

  get isRegistered(): boolean {
    return this.registered;
  }

  /** Delivers a host event, as Zendesk does only for events the app subscribed to. */
  emit(event: string, data?: unknown): void {
    if (this.subscriberCount(event) === 0) return;
    this.send({ key: `zaf.${event}`, message: data, instanceGuid: this.appGuid }, `event ${event}`);
  }

  /** Runs the app's `ticket.save` hooks; resolves with Zendesk's decision. */
  requestSave(): Promise<SaveOutcome> {
    if (this.subscriberCount('ticket.save') === 0) return Promise.resolve({ allowed: true });
    if (this.pendingSave) return Promise.resolve({ allowed: false, message: 'A save is already waiting for the app.' });
    return new Promise<SaveOutcome>((resolve) => {
      const timer = setTimeout(() => finish({ allowed: true }), SAVE_REPLY_TIMEOUT_MS);
      const finish = (outcome: SaveOutcome): void => {
        clearTimeout(timer);
        this.pendingSave = null;
        resolve(outcome);
      };
      this.pendingSave = finish;
      this.send({ key: 'zaf.ticket.save', needsReply: true, instanceGuid: this.appGuid }, 'hook ticket.save');
    });
  }

  private send(payload: object, summary: string): void {
    this.log({ direction: 'host→app', summary });
    this.frame.contentWindow?.postMessage(payload, this.appOrigin);
  }

  private receive(event: MessageEvent): void {
    if (event.source !== this.frame.contentWindow || event.origin !== this.appOrigin) return;
    let data: unknown = event.data;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        return; // the SDK ignores unparsable messages too
      }
    }
    if (typeof data !== 'object' || data === null) return;
    const msg = data as Record<string, unknown>;
    if (typeof msg.request === 'string' && (typeof msg.id === 'number' || typeof msg.id === 'string')) {
      this.answerRequest(msg.id, msg.request, msg.params);
      return;
    }
    if (typeof msg.key === 'string') this.handleKey(msg.key, msg);
  }

  private handleKey(key: string, msg: Record<string, unknown>): void {
    const message = msg.message as Record<string, unknown> | undefined;
    if (key === 'iframe.handshake') {
      this.log({ direction: 'app→host', summary: `handshake (SDK ${String(message?.version ?? '?')})` });
      // Registration is asynchronous in Zendesk: the app has attached its listeners by then.
      setTimeout(() => {
        this.registered = true;
        this.send({ key: 'zaf.app.registered', message: this.registration(), instanceGuid: this.appGuid }, 'app.registered');
      }, 0);
      return;
    }
    const on = /^iframe\.(on|off):(.+)$/.exec(key);
    if (on?.[2]) {
      const count = typeof message?.subscriberCount === 'number' ? message.subscriberCount : on[1] === 'on' ? 1 : 0;
      this.subscribers.set(on[2], count);
      this.log({ direction: 'app→host', summary: `${on[1]} ${on[2]} (${count})` });
      return;
    }
    if (key === 'iframe.reply:ticket.save') {
      const error = msg.error as { msg?: unknown } | undefined;
      this.log({ direction: 'app→host', summary: error ? `save blocked: ${String(error.msg)}` : 'save allowed' });
      const text = error ? (typeof error.msg === 'string' && error.msg ? error.msg : 'The app blocked this update.') : null;
      this.pendingSave?.(text === null ? { allowed: true } : { allowed: false, message: text });
      return;
    }
    const request = /^request:(\d+)$/.exec(key);
    if (request) {
      // The workspace has no Zendesk API behind it; the app must not need one.
      this.log({ direction: 'app→host', summary: `client.request refused (${key})` });
      this.emit(`${key}.fail`, { responseArgs: [{ status: 0, statusText: 'The local workspace has no Zendesk API.', responseText: '' }] });
      return;
    }
    this.log({ direction: 'app→host', summary: key });
  }

  private answerRequest(id: number | string, kind: string, params: unknown): void {
    const faults = this.faults();
    const answer = (): void => {
      const result: Record<string, unknown> = { errors: {} };
      const errors = result.errors as Record<string, unknown>;
      const record = (path: string, a: Answer): void => {
        if (faults.failing.has(path)) errors[path] = { message: `Simulated failure reading "${path}".`, name: 'SimulatedError', path };
        else if ('error' in a) errors[path] = { ...a.error, path };
        else result[path] = a.value;
      };
      if (kind === 'get' && Array.isArray(params)) {
        for (const path of params) if (typeof path === 'string') record(path, this.adapter.get(path));
      } else if (kind === 'set' && typeof params === 'object' && params !== null) {
        for (const [path, value] of Object.entries(params)) record(path, this.adapter.set(path, value));
      } else if (kind === 'invoke' && typeof params === 'object' && params !== null) {
        for (const [action, args] of Object.entries(params)) record(action, this.adapter.invoke(action, Array.isArray(args) ? args : [args]));
      } else {
        this.send({ id, error: { name: 'InvalidRequest', message: `Unknown request "${kind}".` } }, `${kind} rejected`);
        return;
      }
      const names = kind === 'get' ? (params as unknown[]).join(', ') : Object.keys(params as object).join(', ');
      const failed = Object.keys(errors);
      this.send({ id, result }, `${kind} ${names}${failed.length ? ` → errors: ${failed.join(', ')}` : ''}`);
    };
    if (faults.delayMs > 0) setTimeout(answer, faults.delayMs);
    else answer();
  }
}
