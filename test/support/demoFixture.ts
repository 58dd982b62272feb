/** The day the demonstration is seeded "as of" in tests, so its dates are the same on every run. */
export const demoSeedToday = '2026-11-20';
