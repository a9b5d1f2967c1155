// Read a BPMN 2.0 XML file as text the way an XML parser would: by its byte-order mark,
// else by the encoding named in its XML declaration, else as UTF-8.
//
// bpmn-moddle parses strings and warns about any declaration other than UTF-8, so the
// declaration of the decoded string is rewritten to say UTF-8 (which it now is).

import { readFile } from 'node:fs/promises';

const BOMS = [
  [ [ 0xef, 0xbb, 0xbf ], 'utf-8' ],
  [ [ 0xff, 0xfe ], 'utf-16le' ],
  [ [ 0xfe, 0xff ], 'utf-16be' ]
];

const DECLARATION = /^(\s*<\?xml[^>]*?\bencoding\s*=\s*)(["'])([A-Za-z0-9._-]+)\2/;

function startsWith(bytes, prefix) {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The encoding to decode `bytes` with and the length of the byte-order mark. */
export function sniffEncoding(bytes) {
  for (const [ bom, encoding ] of BOMS) {
    if (startsWith(bytes, bom)) return { encoding, bomLength: bom.length };
  }
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const match = DECLARATION.exec(head);
  return { encoding: match ? match[3].toLowerCase() : 'utf-8', bomLength: 0 };
}

/**
 * Decode `bytes`; returns `{ text, encoding, byteLength, problems }`, where problems are
 * strings (an unknown encoding, bytes not valid in the declared one).
 */
export function decodeXml(bytes) {
  const problems = [];
  let { encoding, bomLength } = sniffEncoding(bytes);
  try {
    new TextDecoder(encoding);
  } catch {
    problems.push(`unknown encoding "${encoding}", read as UTF-8`);
    encoding = 'utf-8';
  }
  const body = bytes.subarray(bomLength);
  let text;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    problems.push(`bytes that are not valid ${encoding}`);
    text = new TextDecoder(encoding).decode(body);
  }
  text = text.replace(DECLARATION, '$1$2UTF-8$2');
  return { text, encoding, byteLength: bytes.length, problems };
}

export async function readXml(path) {
  return decodeXml(await readFile(path));
}
