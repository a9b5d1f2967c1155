#!/usr/bin/env node
// Check BPMN 2.0 XML files the way other BPMN tools will read them: import each with
// bpmn-moddle (the model layer of bpmn-js / Camunda Modeler), collect its import
// warnings, lint the result with bpmnlint's recommended rules, and print ONE JSON line
// per file:
//
//   {"file": ..., "encoding": "utf-8", "error": null | "why it could not be read",
//    "importWarnings": ["message", ...],
//    "lint": {"errors": [{"rule", "id", "message"}], "warnings": [...]} | null,
//    "types": {"bpmn:Task": 3, "bpmndi:BPMNShape": 9, ...}}
//
// "types" counts the elements of each type found in the document's containment tree.
//
// usage: node check.mjs [--no-lint] [--config NAME] FILE...
// exit:  0 every file imported without warnings, 1 some file did not,
//        64 usage error. Lint findings do not change the exit code.

import { createRequire } from 'node:module';

import { BpmnModdle } from 'bpmn-moddle';

import { readXml } from './bpmn-text.mjs';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

const USAGE = 'usage: node check.mjs [--no-lint] [--config NAME] FILE...';

function parseArgs(argv) {
  const opts = { lint: true, config: 'bpmnlint:recommended', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-lint') opts.lint = false;
    else if (arg === '--config' && i + 1 < argv.length) opts.config = argv[++i];
    else if (arg === '--') opts.files.push(...argv.splice(i + 1));
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else opts.files.push(arg);
  }
  if (!opts.files.length) throw new Error('no file given');
  return opts;
}

function oneLine(text) {
  return String(text).replace(/\s*\n\s*/g, ' | ');
}

// Count element types by walking the containment tree (several tools write DI elements
// without ids, so the id map would miss them).
function countTypes(root) {
  const counts = {};
  const seen = new Set();
  const walk = (element) => {
    if (!element || typeof element !== 'object' || !element.$type || seen.has(element)) return;
    seen.add(element);
    counts[element.$type] = (counts[element.$type] || 0) + 1;
    for (const property of element.$descriptor?.properties || []) {
      if (property.isReference || property.isAttr) continue;
      const value = element.get(property.name);
      if (Array.isArray(value)) value.forEach(walk);
      else walk(value);
    }
  };
  walk(root);
  return Object.fromEntries(Object.entries(counts).sort(([ a ], [ b ]) => a.localeCompare(b)));
}

async function lint(rootElement, config) {
  // A new Linter per file: some rules keep state between lint() calls.
  const linter = new Linter({ config: { extends: config }, resolver: new NodeResolver({ require }) });
  const reports = await linter.lint(rootElement);
  const result = { errors: [], warnings: [] };
  for (const [ rule, list ] of Object.entries(reports)) {
    for (const report of list) {
      const entry = { rule, id: report.id || null, message: oneLine(report.message) };
      (report.category === 'warn' ? result.warnings : result.errors).push(entry);
    }
  }
  return result;
}

async function checkFile(file, opts) {
  const result = { file, encoding: null, error: null, importWarnings: [], lint: null, types: {} };
  let decoded;
  try {
    decoded = await readXml(file);
  } catch (err) {
    result.error = `cannot read: ${err.message}`;
    return result;
  }
  result.encoding = decoded.encoding;
  result.importWarnings.push(...decoded.problems);

  let imported;
  try {
    imported = await new BpmnModdle().fromXML(decoded.text, 'bpmn:Definitions');
  } catch (err) {
    result.error = oneLine(err.message);
    result.importWarnings.push(...(err.warnings || []).map((w) => oneLine(w.message)));
    return result;
  }
  result.importWarnings.push(...imported.warnings.map((w) => oneLine(w.message)));
  result.types = countTypes(imported.rootElement);
  if (opts.lint) {
    try {
      result.lint = await lint(imported.rootElement, opts.config);
    } catch (err) {
      result.lint = { errors: [ { rule: 'bpmnlint', id: null, message: oneLine(err.message) } ], warnings: [] };
    }
  }
  return result;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    return 64;
  }
  let clean = true;
  for (const file of opts.files) {
    const result = await checkFile(file, opts);
    if (result.error || result.importWarnings.length) clean = false;
    console.log(JSON.stringify(result));
  }
  return clean ? 0 : 1;
}

process.exitCode = await main();
