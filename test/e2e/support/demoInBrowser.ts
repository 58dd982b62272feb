import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { startHearth, type RunningHearth } from './server';

/**
 * Hearth on the demonstration authority and Chromium, started once for a file's tests and
 * stopped after them. `newPage()` gives a page in a fresh context (no one signed in).
 */
export function demoInBrowser() {
  const running: { hearth?: RunningHearth; browser?: Browser } = {};
  beforeAll(async () => {
    running.hearth = await startHearth();
    running.browser = await launchChromium();
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.hearth?.close();
  });
  return {
    get url(): string {
      if (!running.hearth) throw new Error('Hearth has not started');
      return running.hearth.url;
    },
    async newPage(): Promise<Page> {
      if (!running.browser) throw new Error('Chromium has not started');
      return (await running.browser.newContext()).newPage();
    },
  };
}
