// The timing protocol every JavaScript engine follows, in Node and in the
// browser page alike; tools/dev/src/bin/bench_pages.rs mirrors it for the
// native build. One untimed call first (caches, lazy tables, JIT), then
// `reps` timed calls, wall clock per call.

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

/** Several engines on one input, interleaved so that each sees the same
 * machine state (the same heap pressure, clock and neighbours' load): one
 * untimed call of each, then `reps` rounds of one timed call of each, in
 * the order given, or reversed when `flip` (the caller flips it every other
 * input: A B A B … then B A B A …). A call that throws on its untimed run
 * sits the rounds out: its times are null and `errors` gives its message.
 * Returns { times: [[ms, …] or null, …], errors: [message or null, …] }. */
export function measureInterleaved(calls, reps, flip = false) {
  const errors = calls.map((call) => {
    try {
      finish(call());
      return null;
    } catch (e) {
      return String(e?.message ?? e);
    }
  });
  const times = calls.map((_, i) => (errors[i] === null ? [] : null));
  const order = calls.map((_, i) => i).filter((i) => errors[i] === null);
  if (flip) order.reverse();
  for (let r = 0; r < reps; r++) {
    for (const i of order) {
      const started = performance.now();
      const cleanup = calls[i]();
      times[i].push(performance.now() - started);
      finish(cleanup);
    }
  }
  return { times, errors };
}

/** Runs a call's cleanup, if it returned one. */
function finish(cleanup) {
  if (typeof cleanup === 'function') cleanup();
}
