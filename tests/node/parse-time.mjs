#!/usr/bin/env node
// How long bpmn-moddle's fromXML takes to parse one BPMN file (parse time only: the file
// is read and decoded once, outside the timing). One warm-up run, then RUNS timed runs;
// prints one JSON line:
//   {"file", "bytes", "runs", "median_ms", "min_ms", "max_ms", "warnings"}
//
// usage: node parse-time.mjs [--runs N] FILE

import { performance } from 'node:perf_hooks';

import { BpmnModdle } from 'bpmn-moddle';

import { readXml } from './bpmn-text.mjs';

const USAGE = 'usage: node parse-time.mjs [--runs N] FILE';

function parseArgs(argv) {
  let runs = 7;
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs' && i + 1 < argv.length) runs = Number(argv[++i]);
    else if (argv[i].startsWith('-')) throw new Error(`unknown option ${argv[i]}`);
    else files.push(argv[i]);
  }
  if (files.length !== 1 || !Number.isInteger(runs) || runs < 1) throw new Error('bad arguments');
  return { runs, file: files[0] };
}

function median(values) {
  const sorted = [ ...values ].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    return 64;
  }
  const { text, byteLength } = await readXml(opts.file);
  const parse = () => new BpmnModdle().fromXML(text, 'bpmn:Definitions');

  const { warnings } = await parse(); // warm-up
  const times = [];
  for (let i = 0; i < opts.runs; i++) {
    const start = performance.now();
    await parse();
    times.push(performance.now() - start);
  }
  const round = (ms) => Math.round(ms * 1000) / 1000;
  console.log(JSON.stringify({
    file: opts.file,
    bytes: byteLength,
    runs: opts.runs,
    median_ms: round(median(times)),
    min_ms: round(Math.min(...times)),
    max_ms: round(Math.max(...times)),
    warnings: warnings.length
  }));
  return 0;
}

process.exitCode = await main();
