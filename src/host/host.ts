// The one seam between Defuse and Zendesk. UI and state see only this interface; the ZAF client stays in zaf.ts.

export type HostErrorKind = 'timeout' | 'host' | 'invalid' | 'unavailable';

export interface HostError {
  kind: HostErrorKind;
  /** The ZAF path or action that failed. */
  path: string;
  message: string;
}

export type HostResult<T> = { ok: true; value: T } | { ok: false; error: HostError };

export interface HostContext {
  location: string;
  ticketId: number | null;
  subdomain: string | null;
}

export interface HostMetadata {
  /** Parameter name → value as the installation stores it (JSON parameters arrive as strings). */
  settings: Record<string, unknown>;
}

/** What a save hook answers: allow, or block with a message the agent sees. */
export type SaveDecision = { allow: true } | { allow: false; message: string };

export interface Host {
  /** Reads several paths in one round trip; each path gets its own result. */
  get(paths: readonly string[]): Promise<Record<string, HostResult<unknown>>>;
  set(path: string, value: unknown): Promise<HostResult<unknown>>;
  invoke(action: string, ...args: unknown[]): Promise<HostResult<unknown>>;
  /** Subscribes to a host event; returns the unsubscriber. */
  on(event: string, handler: (data: unknown) => void): () => void;
  /** Registers a `ticket.save` hook; returns the unsubscriber. */
  onSave(hook: () => SaveDecision | Promise<SaveDecision>): () => void;
  metadata(): Promise<HostResult<HostMetadata>>;
  context(): Promise<HostResult<HostContext>>;
  /** Asks the host to give the app this many CSS pixels of height. */
  resize(height: number): void;
}

export const ok = <T>(value: T): HostResult<T> => ({ ok: true, value });
export const fail = (kind: HostErrorKind, path: string, message: string): HostResult<never> => ({
  ok: false,
  error: { kind, path, message },
});
