import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = fs.existsSync(chromiumPath);

if (!chromiumAvailable) {
  console.warn(
    `\nBrowser tests skipped: no Chromium at ${chromiumPath}. Install Debian's chromium (apt-get install -y chromium), ` +
      'as .ci/run does, or set CHROMIUM_PATH.\n',
  );
}

/** Debian's Chromium, headless, with the flags this machine needs (no sandbox as root, no network chatter). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
