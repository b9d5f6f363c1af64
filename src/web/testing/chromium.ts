// Debian's Chromium for the browser tests, launched the way this machine allows (no sandbox,
// no background networking, a fresh profile); never a downloaded browser.
import { existsSync } from "node:fs";
import { chromium, type BrowserContext } from "playwright-core";

export const chromiumPath = "/usr/bin/chromium";

/** Whether Debian's chromium is installed. */
export function hasChromium(): boolean {
  return existsSync(chromiumPath);
}

/** Launches headless Chromium with a fresh profile in `profileDir`. */
export function launchChromium(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1400, height: 1000 },
  });
}
