// Serves the local workspace and, on a second origin (as Zendesk serves apps from their own domain),
// the built app package. The app's iframe.html is served with Zendesk's SDK script swapped for the
// npm build of the same SDK, so nothing is fetched from the internet.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { APP_DIR, WORKSPACE_DIR } from '../build';

export const ZENDESK_SDK_URL = 'https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js';
const LOCAL_SDK_PATH = '/sdk/zaf_sdk.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface RunningWorkspace {
  url: string;
  appOrigin: string;
  close(): Promise<void>;
}

type Route = (path: string) => Promise<{ body: string | Buffer; type: string } | null>;

function fileRoute(dir: string, rewrite: (path: string, body: Buffer) => string | Buffer = (_p, b) => b): Route {
  return async (path) => {
    const file = normalize(join(dir, decodeURIComponent(path)));
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    try {
      return { body: rewrite(path, await readFile(file)), type: TYPES[extname(file)] ?? 'application/octet-stream' };
    } catch {
      return null;
    }
  };
}

function listen(route: Route, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    route(path).then(
      (found) => {
        if (!found) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
          return;
        }
        res.writeHead(200, { 'content-type': found.type, 'cache-control': 'no-store' }).end(found.body);
      },
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

/** `appDir` serves another app build (same layout: assets/iframe.html, …) as the app origin; default dist/app. */
export async function serveWorkspace(options: { port?: number; host?: string; appDir?: string } = {}): Promise<RunningWorkspace> {
  const host = options.host ?? '127.0.0.1';
  const appFiles = fileRoute(options.appDir ?? APP_DIR, (path, body) =>
    path.endsWith('/iframe.html') ? body.toString('utf8').replace(ZENDESK_SDK_URL, LOCAL_SDK_PATH) : body,
  );
  const sdk = fileRoute(WORKSPACE_DIR);
  const app = await listen((path) => (path === LOCAL_SDK_PATH ? sdk('/zaf_sdk.js') : appFiles(path)), options.port ? options.port + 1 : 0, host);
  const appOrigin = `http://${host}:${(app.address() as AddressInfo).port}`;
  const pages = fileRoute(WORKSPACE_DIR, (path, body) =>
    path.endsWith('.html') ? body.toString('utf8').replace('__APP_ORIGIN__', appOrigin) : body,
  );
  const workspace = await listen((path) => pages(path === '/' ? '/index.html' : path), options.port ?? 0, host);
  const url = `http://${host}:${(workspace.address() as AddressInfo).port}/`;
  const close = (s: Server) => new Promise<void>((r) => s.close(() => r()));
  return { url, appOrigin, close: async () => void (await Promise.all([close(app), close(workspace)])) };
}
