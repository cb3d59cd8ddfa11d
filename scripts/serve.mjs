// Serves www/ on http://127.0.0.1:8080 (PORT to change): a static file
// server with the page's content security policy, nothing else.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { root } from './lib.mjs';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function serve(dir, port, host = '127.0.0.1') {
  const base = normalize(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 8080);
  try {
    await serve(join(root, 'www'), port);
  } catch (e) {
    // One line a person can act on, not a stack trace.
    const why = {
      EADDRINUSE: `port ${port} is already in use (another server, or another npm start?)`,
      EACCES: `port ${port} is not allowed for this user`,
    }[e.code] ?? e.message;
    console.error(`Cannot serve the page: ${why}. Pick another port: PORT=${port === 8080 ? 8081 : port + 1} npm start`);
    process.exit(1);
  }
  console.log(`article-cleaner page: http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
}
