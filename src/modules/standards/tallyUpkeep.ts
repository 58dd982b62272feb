import type { StandardsService } from './standardsService';

const everyMs = 10 * 60_000;

/**
 * Every event adds a few rows of changes to the compliance tallies; folding them together now
 * and then keeps the compliance page's sums short. At start and every ten minutes, on either
 * engine. The rows are right whether folded or not: this is for speed only.
 */
export function keepTalliesCompact(standards: Pick<StandardsService, 'compactTallies'>, onError: (error: unknown) => void): () => void {
  const run = () => void standards.compactTallies().catch(onError);
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
