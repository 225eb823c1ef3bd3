// The baseline for `npm run bench:startup`: a Preact app that registers with the real ZAF SDK through the
// workspace's host simulator and paints one element as soon as `app.registered` arrives, reading nothing.
import { render } from 'preact';

interface HelloClient {
  on(event: string, handler: () => void): void;
}

const root = document.getElementById('root');
const client = (window as unknown as { ZAFClient?: { init(): HelloClient | false } }).ZAFClient?.init();
if (root && client) {
  client.on('app.registered', () =>
    render(
      <main class="df-app">
        <strong data-testid="tension-level">Hello</strong>
      </main>,
      root,
    ),
  );
}
