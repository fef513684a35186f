#!/usr/bin/env node
// Entry point: node check.mjs OUT_DIR BASE_PATH [--only=a,b] [--no-screenshots]
//                             [--screenshots=DIR] [--json=FILE]
//                             [--no-browser]
// Exit status: 0 all checks pass, 1 some check failed, 2 the suite could not run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSite, CHECK_IDS } from './lib/suite.mjs';
import { printReport } from './lib/report.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

function usage(msg) {
  if (msg) console.error(`error: ${msg}`);
  console.error('usage: node check.mjs OUT_DIR BASE_PATH [--only=' + CHECK_IDS.join(',') + '] [--no-screenshots] [--screenshots=DIR] [--json=FILE] [--no-browser]');
  process.exit(2);
}

const positional = [];
const flags = {};
for (const a of process.argv.slice(2)) {
  if (a.startsWith('--')) {
    const [k, v] = a.slice(2).split(/=(.*)/s);
    flags[k] = v ?? true;
  } else positional.push(a);
}
const KNOWN = new Set(['only', 'no-screenshots', 'screenshots', 'json', 'no-browser']);
for (const k of Object.keys(flags)) if (!KNOWN.has(k)) usage(`unknown option --${k}`);
if (positional.length < 1 || positional.length > 2) usage('expected OUT_DIR and BASE_PATH');
const [outDir, basePath = '/'] = positional;

let only;
if (flags.only) {
  only = new Set(String(flags.only).split(',').map((s) => s.trim()).filter(Boolean));
  for (const c of only) if (!CHECK_IDS.includes(c)) usage(`unknown check "${c}"`);
}
if (!fs.existsSync(outDir) || !fs.statSync(outDir).isDirectory()) {
  console.error(`error: site folder not found: ${outDir}`);
  process.exit(2);
}
let screenshotDir = process.env.ABIERTO_SCREENSHOTS || path.join(HERE, 'screenshots');
if (flags.screenshots && flags.screenshots !== true) screenshotDir = path.resolve(flags.screenshots);
if (flags['no-screenshots'] || flags['no-browser']) screenshotDir = null;
if (screenshotDir) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  for (const f of fs.readdirSync(screenshotDir)) if (f.endsWith('.png')) fs.rmSync(path.join(screenshotDir, f));
}

const t0 = Date.now();
let result;
try {
  result = await checkSite(outDir, basePath, {
    only,
    screenshotDir,
    weightLimit: process.env.ABIERTO_WEIGHT_LIMIT ? Number(process.env.ABIERTO_WEIGHT_LIMIT) : undefined,
    noBrowser: Boolean(flags['no-browser']),
    concurrency: process.env.ABIERTO_CONCURRENCY ? Number(process.env.ABIERTO_CONCURRENCY) : 2,
  });
} catch (e) {
  const known = /^site folder not found/.test(e.message);
  console.error(`error: the quality gate could not run: ${known ? e.message : e.stack || e.message}`);
  process.exit(2);
}
const failed = printReport(result);
console.log(`  total time: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
if (flags.json && flags.json !== true) {
  const out = Object.fromEntries(Object.entries(result.results).map(([k, v]) => [k, { ran: v.ran, errors: v.errors, warnings: v.warnings }]));
  fs.writeFileSync(flags.json, JSON.stringify({ results: out, weights: result.weightTable, external: result.external }, null, 2));
}
console.log(failed ? `\nQUALITY GATE FAILED: ${failed} check(s) failed` : '\nQUALITY GATE PASSED');
process.exit(failed ? 1 : 0);
