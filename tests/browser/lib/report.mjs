// Printing the results of checkSite().
import { CHECKS } from './suite.mjs';

const MAX_PER_CHECK = Number(process.env.ABIERTO_MAX_ERRORS || 200);

function fmt(e) {
  const where = [e.page, e.where].filter(Boolean).join(' ');
  let s = `    - ${where ? where + ': ' : ''}${e.message}`;
  if (e.detail) s += `\n      ${e.detail}`;
  return s;
}

/** Print the report; returns the number of failed checks. */
export function printReport({ site, results, timings }, { log = console.log, quiet = false } = {}) {
  log(`abierto quality gate: ${site.root} served at ${site.base}`);
  log(`${site.htmlFiles.length} HTML page(s), ${site.files.length} file(s)`);
  let failed = 0;
  const summary = [];
  for (const [id, title] of CHECKS) {
    const r = results[id];
    // Stable sort by page: the browser runs two pages at a time.
    const byPage = (a, b) => (a.page || '').localeCompare(b.page || '', 'en');
    r.errors.sort(byPage);
    r.warnings.sort(byPage);
    if (!r.ran) { summary.push(`  SKIP  ${title}`); continue; }
    const ok = r.errors.length === 0;
    if (!ok) failed++;
    const status = ok ? 'PASS' : 'FAIL';
    log('');
    log(`== ${title}: ${status}${ok ? '' : ` (${r.errors.length} error${r.errors.length === 1 ? '' : 's'})`}`);
    if (!quiet) for (const line of r.info) log(`  ${line}`);
    for (const e of r.errors.slice(0, MAX_PER_CHECK)) log(fmt(e));
    if (r.errors.length > MAX_PER_CHECK) log(`    ... and ${r.errors.length - MAX_PER_CHECK} more`);
    if (r.warnings.length) {
      log(`  warnings (${r.warnings.length}, not failures):`);
      for (const w of r.warnings.slice(0, 30)) log(fmt(w).replace('    - ', '    ~ '));
      if (r.warnings.length > 30) log(`    ~ ... and ${r.warnings.length - 30} more`);
    }
    summary.push(`  ${status}  ${title}${ok ? '' : `: ${r.errors.length} error(s)`}`);
  }
  log('');
  log('== Summary');
  for (const s of summary) log(s);
  const t = Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)}s`).join(', ');
  if (t) log(`  timings: ${t}`);
  return failed;
}
