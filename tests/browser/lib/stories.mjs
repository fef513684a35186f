// A suite of user stories run one after the other: each prints PASS or FAIL
// (with why), and the suite ends with "N passed, N failed".

export function stories() {
  let passed = 0;
  let failed = 0;
  return {
    /** Runs one story; a thrown error (or a failed assert) fails it. */
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
    /** Prints the counts; the exit status: 1 when a story failed, else 0. */
    summary() {
      console.log(`\n${passed} passed, ${failed} failed`);
      return failed ? 1 : 0;
    },
  };
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
