/**
 * Debian's Chromium, driven by playwright-core, as the browser tests and the benchmark start it:
 * headless, and without the background connections a closed network refuses.
 */
import { chromium, type Browser } from 'playwright-core'

/** Where the browser is: CHROMIUM_PATH, else Debian's `/usr/bin/chromium`. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * Starts headless Chromium with `chromiumArgs` and `extraArgs` (the bench adds the switches that
 * take the display's frame rate out of its latency figures).
 */
export function launchChromium(
  executablePath: string = chromiumPath,
  extraArgs: string[] = [],
): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...chromiumArgs, ...extraArgs] })
}
