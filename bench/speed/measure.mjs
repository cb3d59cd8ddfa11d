// The timing protocol every JavaScript engine follows, in Node and in the
// browser page alike; tools/dev/src/bin/bench_pages.rs mirrors it for the native
// build. One untimed call first (caches, lazy tables, JIT), then `reps`
// timed calls, wall clock per call.

/** `call` may return a cleanup function, run outside the timed span (jsdom's
 * window.close(), say). Returns the `reps` times in milliseconds. */
export function measure(call, reps) {
  call()?.();
  const times = [];
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    const cleanup = call();
    times.push(performance.now() - started);
    cleanup?.();
  }
  return times;
}
