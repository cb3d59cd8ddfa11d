// Keeps the page working offline: its own files are served from a cache
// (cache first), filled on install and topped up as files are fetched.
// vendor/build-id.js, written by scripts/build.mjs, holds a hash of the
// page's files: the browser re-checks imported scripts, so a new build
// installs a new worker with a new cache, and the old cache is deleted on
// activate.
importScripts('vendor/build-id.js');
const VERSION = `article-cleaner-${self.BUILD_ID}`;
const FILES = [
  './',
  'index.html',
  'style.css',
  'app.js',
  'icon.svg',
  'lib/clipboard.js',
  'lib/display-early.js',
  'lib/display.js',
  'lib/edits.js',
  'lib/engine.js',
  'lib/export.js',
  'lib/groups.js',
  'lib/images.js',
  'lib/intake.js',
  'lib/layout.js',
  'lib/reasons.js',
  'lib/reveal.js',
  'lib/store.js',
  'lib/view-cleaned.js',
  'lib/view-original.js',
  'examples/heute-kasachstan.txt',
  'examples/seed-library.html',
  'vendor/article-cleaner/js/web.mjs',
  'vendor/article-cleaner/js/wrap.mjs',
  'vendor/article-cleaner/js/worker.mjs',
  'vendor/article-cleaner/js/worker-entry.mjs',
  'vendor/article-cleaner/pkg/web.js',
  'vendor/article-cleaner/pkg/article_cleaner_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(VERSION)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('article-cleaner-') && k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(VERSION).then(async (cache) => {
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      const response = await fetch(request);
      if (response.ok && response.type === 'basic') cache.put(request, response.clone());
      return response;
    }),
  );
});
