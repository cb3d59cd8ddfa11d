// Summaries of timings: per input the median of its repetitions, then over
// the inputs the median, the 95th percentile and the throughput.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile: a value that was measured, not interpolated. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `times[i]` holds the repetitions for the input of `bytes[i]` bytes. */
export function summarise(times, bytes) {
  const perInput = times.map(median);
  const totalMs = perInput.reduce((a, b) => a + b, 0);
  const totalBytes = bytes.reduce((a, b) => a + b, 0);
  return {
    inputs: perInput.length,
    medianMs: median(perInput),
    p95Ms: percentile(perInput, 95),
    totalMs,
    mbPerSecond: totalBytes / 1e6 / (totalMs / 1000),
  };
}
