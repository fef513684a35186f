// Check 1: HTML validity with the W3C Nu HTML Checker (vnu.jar), all files in
// one Java invocation.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const VNU_JAR = path.join(HERE, '..', 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

/**
 * Run vnu on absolute file paths. Resolves to a Map(absPath -> [messages]),
 * plus `general` for messages not tied to a file.
 */
export function runVnu(absFiles) {
  return new Promise((resolve, reject) => {
    const byFile = new Map(absFiles.map((f) => [path.resolve(f), []]));
    const general = [];
    if (absFiles.length === 0) return resolve({ byFile, general });
    const java = process.env.JAVA || 'java';
    // -Xss: deep documents need more stack; -XX:TieredStopAtLevel=1 starts faster.
    const args = ['-Xss4m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-jar', VNU_JAR,
      '--errors-only', '--format', 'json', ...absFiles];
    const child = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', (e) => reject(new Error(`could not start ${java}: ${e.message}`)));
    child.on('close', (code) => {
      // vnu writes its JSON report to stderr; exit code 1 just means "errors found".
      const text = (err.trim() || out.trim());
      let report;
      try {
        report = JSON.parse(text.slice(text.indexOf('{')));
      } catch {
        return reject(new Error(`vnu exited ${code} without a JSON report:\n${(err + out).slice(0, 2000)}`));
      }
      for (const m of report.messages || []) {
        if (m.type !== 'error' && m.type !== 'non-document-error' && m.subType !== 'fatal') continue;
        let file = null;
        if (m.url) {
          try { file = path.resolve(fileURLToPath(m.url)); } catch { file = null; }
        }
        const msg = {
          line: m.lastLine ?? m.firstLine ?? null,
          column: m.firstColumn ?? m.lastColumn ?? null,
          message: m.message,
          extract: m.extract,
          type: m.type,
        };
        if (file && byFile.has(file)) byFile.get(file).push(msg);
        else general.push({ ...msg, url: m.url });
      }
      resolve({ byFile, general });
    });
  });
}

/** Turn vnu results into suite errors for one site. */
export function htmlErrors(site, vnu) {
  const errors = [];
  for (const rel of site.htmlFiles) {
    const abs = path.resolve(site.root, rel);
    for (const m of vnu.byFile.get(abs) || []) {
      errors.push({ page: rel, where: m.line != null ? `line ${m.line}${m.column != null ? `:${m.column}` : ''}` : '', message: m.message, detail: m.extract ? oneLine(m.extract) : undefined });
    }
  }
  for (const m of vnu.general) {
    if (!m.url) { errors.push({ page: '(vnu)', where: '', message: m.message }); continue; }
    const rel = path.relative(site.root, fileURLToPathSafe(m.url));
    if (rel && !rel.startsWith('..')) errors.push({ page: rel, where: '', message: m.message });
  }
  return errors;
}

function fileURLToPathSafe(u) {
  try { return fileURLToPath(u); } catch { return u; }
}

function oneLine(s) {
  return s.replace(/\s+/g, ' ').trim().slice(0, 160);
}
