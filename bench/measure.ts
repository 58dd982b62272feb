/** Timing and memory for the benchmarks: wall-clock milliseconds from process.hrtime.bigint. */

export interface Timing {
  samples: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export function nowNs(): bigint {
  return process.hrtime.bigint();
}

export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Nearest-rank percentile: the value at or below which `p` per cent of the samples fall. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarise(durationsMs: readonly number[]): Timing {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  return { samples: sorted.length, medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: sorted.at(-1) ?? Number.NaN };
}

/**
 * Runs `operation` `warmUp` times untimed (JIT, query plans, caches), then `iterations` times
 * timed, one after another. `operation` gets the iteration number, to vary its input.
 */
export async function timeIt(operation: (i: number) => Promise<unknown>, options: { warmUp: number; iterations: number }): Promise<Timing> {
  for (let i = 0; i < options.warmUp; i++) await operation(i);
  const durations: number[] = [];
  for (let i = 0; i < options.iterations; i++) {
    const start = nowNs();
    await operation(i);
    durations.push(msSince(start));
  }
  return summarise(durations);
}

/** Samples resident set size every `intervalMs`; the peak includes PGlite, which runs in this process. */
export function memorySampler(intervalMs = 100) {
  let peak = process.memoryUsage().rss;
  const sample = () => {
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    /** The highest sample so far, in bytes. */
    peak: () => {
      sample();
      return peak;
    },
    stop: () => clearInterval(timer),
  };
}
