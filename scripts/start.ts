// `npm start`: builds the app and serves the local agent workspace on 127.0.0.1.
import { buildApp, buildWorkspace } from './build';
import { serveWorkspace } from './workspace/server';

const started = performance.now();
await buildApp();
await buildWorkspace();
const wanted = Number(process.env.PORT) || 4580;
let running;
for (let port = wanted; !running; port += 2) {
  try {
    running = await serveWorkspace({ port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port > wanted + 40) throw error;
  }
}
process.stdout.write(
  `Defuse built in ${((performance.now() - started) / 1000).toFixed(1)} s.\n\n` +
    `  Agent workspace: ${running.url}\n  App origin:      ${running.appOrigin}\n\n` +
    'Open the workspace URL in a browser. Press Ctrl+C to stop.\n',
);
