#!/usr/bin/env node
// Render a BPMN 2.0 XML file with bpmn-js (the viewer bundle) in headless Chromium and
// report what was drawn, as other BPMN tools would show it.
//
// A tiny HTTP server on 127.0.0.1 (random port, no other network) serves a page, the
// viewer bundle and the decoded file. The page imports the XML, opens every BPMNDiagram in
// turn, and POSTs back for each the ids of the elements whose graphics bpmn-js drew.
// Prints one JSON line:
//
//   {"file", "error": null | "...", "warnings": ["..."],
//    "diagrams": [{"id": "BPMNDiagram_1", "drawn": ["Task_1", ...]}, ...]}
//
// A diagram's "drawn" includes the content of its collapsed sub-processes, which bpmn-js
// draws on planes of their own (drill-down).
//
// With --screenshot OUT.png it instead saves a picture of the first diagram (fitted to a
// 1600x1000 window) and prints {"file", "screenshot"}.
//
// usage: node render.mjs [--chromium PATH] [--timeout SECONDS] [--screenshot OUT.png] FILE
// exit:  0 rendered (even with import warnings), 1 not rendered, 64 usage error.
// Chromium: --chromium, else $CHROMIUM, else /usr/bin/chromium.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { readXml } from './bpmn-text.mjs';

const require = createRequire(import.meta.url);
const BPMN_JS_DIST = join(dirname(require.resolve('bpmn-js/package.json')), 'dist');

const USAGE = 'usage: node render.mjs [--chromium PATH] [--timeout SECONDS] [--screenshot OUT.png] FILE';

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic', '--disable-extensions', '--disable-default-apps', '--mute-audio',
  '--no-default-browser-check', '--hide-scrollbars', '--window-size=1600,1000'
];

// The page: import, then for every diagram open it and list the drawn elements.
const PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="/assets/diagram-js.css">
<link rel="stylesheet" href="/assets/bpmn-js.css">
<style>html, body, #canvas { margin: 0; width: 100%; height: 100%; background: white; }</style>
</head><body><div id="canvas"></div>
<script src="/viewer.js"></script>
<script>
async function report(result) {
  await fetch('/result', { method: 'POST', body: JSON.stringify(result) });
}
window.addEventListener('error', (event) => report({ error: 'page error: ' + event.message }));
(async () => {
  const result = { error: null, warnings: [], diagrams: [] };
  try {
    const xml = await (await fetch('/diagram.bpmn')).text();
    const viewer = new BpmnJS({ container: '#canvas' });
    const imported = await viewer.importXML(xml);
    result.warnings.push(...imported.warnings.map((w) => String(w.message)));
    const drawnIds = () => {
      const registry = viewer.get('elementRegistry');
      return registry.filter((element) => {
        if (!element.parent || element.type === 'label') return false;
        const visual = registry.getGraphics(element).querySelector('.djs-visual');
        return Boolean(visual && visual.childElementCount);
      }).map((element) => element.businessObject.id);
    };
    // importXML opened the first diagram; open the others in turn, then the first again.
    // bpmn-js appends diagrams of its own (one per collapsed sub-process whose content the
    // file drew on its parent's plane); it draws them as planes together with the diagram
    // they came from, so only the file's own diagrams are opened.
    const inFile = new DOMParser().parseFromString(xml, 'application/xml')
      .getElementsByTagNameNS('http://www.omg.org/spec/BPMN/20100524/DI', 'BPMNDiagram').length;
    const diagrams = (viewer.getDefinitions().diagrams || []).slice(0, inFile);
    for (const [ index, diagram ] of diagrams.entries()) {
      if (index > 0) {
        const opened = await viewer.open(diagram);
        result.warnings.push(...opened.warnings.map((w) => String(w.message)));
      }
      result.diagrams.push({ id: diagram.id || null, drawn: drawnIds() });
    }
    if (diagrams.length > 1) await viewer.open(diagrams[0]);
    viewer.get('canvas').zoom('fit-viewport');
  } catch (err) {
    result.error = String(err && err.message || err);
  }
  if (!location.hash.includes('noreport')) await report(result);
})();
</script></body></html>`;

function parseArgs(argv) {
  const opts = {
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
    timeout: 120,
    screenshot: null,
    file: null
  };
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--chromium' && i + 1 < argv.length) opts.chromium = argv[++i];
    else if (arg === '--timeout' && i + 1 < argv.length) opts.timeout = Number(argv[++i]);
    else if (arg === '--screenshot' && i + 1 < argv.length) opts.screenshot = resolve(argv[++i]);
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1 || !(opts.timeout > 0)) throw new Error('bad arguments');
  opts.file = files[0];
  return opts;
}

function serve(xml, onResult) {
  const files = {
    '/': [ 'text/html; charset=utf-8', () => PAGE ],
    '/viewer.js': [ 'text/javascript', () => readFileSync(join(BPMN_JS_DIST, 'bpmn-viewer.production.min.js')) ],
    '/diagram.bpmn': [ 'application/xml; charset=utf-8', () => xml ],
    '/assets/diagram-js.css': [ 'text/css', () => readFileSync(join(BPMN_JS_DIST, 'assets', 'diagram-js.css')) ],
    '/assets/bpmn-js.css': [ 'text/css', () => readFileSync(join(BPMN_JS_DIST, 'assets', 'bpmn-js.css')) ]
  };
  const server = createServer((request, response) => {
    const path = request.url.split(/[?#]/)[0];
    if (request.method === 'POST' && path === '/result') {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        response.end('ok');
        onResult(Buffer.concat(chunks).toString('utf-8'));
      });
      return;
    }
    const entry = files[path];
    if (!entry) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': entry[0], 'cache-control': 'no-store' });
    response.end(entry[1]());
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// Run Chromium in its own process group with a throw-away profile; resolves when it
// exits, or kills it (and its children) when `until` settles or the time runs out.
function runChromium(chromium, args, until, seconds) {
  const profile = mkdtempSync(join(tmpdir(), 'procmodeler-chromium-'));
  const child = spawn(chromium, [ ...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, ...args ], {
    stdio: [ 'ignore', 'ignore', 'pipe' ],
    detached: true
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  const kill = () => {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  };
  return new Promise((done) => {
    let finished = false;
    const finish = (outcome) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      kill();
      rmSync(profile, { recursive: true, force: true });
      done({ ...outcome, stderr });
    };
    const timer = setTimeout(() => finish({ timedOut: true }), seconds * 1000);
    child.on('error', (err) => finish({ spawnError: err.message }));
    child.on('exit', (code) => finish({ exitCode: code }));
    until.then((value) => finish({ value }));
  });
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    return 64;
  }
  const out = { file: opts.file, error: null, warnings: [], diagrams: [] };
  let decoded;
  try {
    decoded = await readXml(opts.file);
  } catch (err) {
    console.log(JSON.stringify({ ...out, error: `cannot read: ${err.message}` }));
    return 1;
  }

  let resolveResult;
  const result = new Promise((ok) => { resolveResult = ok; });
  const server = await serve(decoded.text, resolveResult);
  const url = `http://127.0.0.1:${server.address().port}/`;
  try {
    if (opts.screenshot) {
      // Let the page's script run to the end (virtual time) before the picture is taken.
      const run = await runChromium(opts.chromium, [
        `--screenshot=${opts.screenshot}`, '--virtual-time-budget=15000', `${url}#noreport`
      ], new Promise(() => {}), opts.timeout);
      const ok = run.exitCode === 0;
      console.log(JSON.stringify({ file: opts.file, screenshot: ok ? opts.screenshot : null,
        error: ok ? null : describeFailure(run) }));
      return ok ? 0 : 1;
    }
    const run = await runChromium(opts.chromium, [ url ], result, opts.timeout);
    if (run.value === undefined) {
      console.log(JSON.stringify({ ...out, error: describeFailure(run) }));
      return 1;
    }
    const page = JSON.parse(run.value);
    console.log(JSON.stringify({ ...out, ...page }));
    return page.error ? 1 : 0;
  } finally {
    server.close();
  }
}

function describeFailure(run) {
  const tail = run.stderr.trim().split('\n').slice(-3).join(' | ');
  if (run.spawnError) return `cannot start Chromium: ${run.spawnError}`;
  if (run.timedOut) return `Chromium did not report in time${tail ? ': ' + tail : ''}`;
  return `Chromium exited with code ${run.exitCode}${tail ? ': ' + tail : ''}`;
}

process.exitCode = await main();
