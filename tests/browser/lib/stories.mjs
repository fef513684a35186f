// What the story suites (search.mjs, explore.mjs) share: the server and the
// browser started (exit 2 when they cannot be), each story printed as PASS or
// FAIL with its reason, and the closing "N passed, N failed".
import { startServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Serves OUT_DIR under `base` on 127.0.0.1 and launches Chromium; exits with 2 when either fails. */
export async function start(outDir, base) {
  try {
    const server = await startServer(outDir, base);
    const browser = await launchBrowser();
    return { server, browser };
  } catch (e) {
    console.error(`error: could not start: ${e.message}`);
    process.exit(2);
  }
}

/** `story(name, fn)` runs one story; `finish()` prints the tally and gives the exit status. */
export function stories() {
  let passed = 0;
  let failed = 0;
  return {
    async story(name, fn) {
      try {
        await fn();
        passed++;
        console.log(`PASS ${name}`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${name}\n     ${String(e.message || e).split('\n').join('\n     ')}`);
      }
    },
    finish() {
      console.log(`\n${passed} passed, ${failed} failed`);
      return failed ? 1 : 0;
    },
  };
}
