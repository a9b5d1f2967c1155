#!/usr/bin/env node
// bpmn-moddle's fromXML of one BPMN file as a whole process (read, parse, exit): the peer
// of `procmodeler import-bpmn` in bench/bench_issue20.py. Prints the number of root
// elements and warnings.
//
// usage: node from-xml.mjs FILE

import { readFile } from 'node:fs/promises';

import { BpmnModdle } from 'bpmn-moddle';

const text = await readFile(process.argv[2], 'utf8');
const { rootElement, warnings } = await new BpmnModdle().fromXML(text, 'bpmn:Definitions');
console.log(JSON.stringify({ roots: rootElement.rootElements.length, warnings: warnings.length }));
