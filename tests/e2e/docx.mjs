// Reading a downloaded .docx in the tests: its parts by name, as text, from the zip's central
// directory (entries stored or deflated), and the text of its tracked changes.
import { inflateRawSync } from 'node:zlib';

/** Every part of a .docx (a Buffer), by name, as UTF-8 text. */
export function docxParts(bytes) {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const parts = {};
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('a damaged central directory');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    parts[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 46 + nameLength + extra + comment;
  }
  return parts;
}

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** The tracked changes of a part around text: [{ kind: 'ins' | 'del', author, date, text }]. */
export function trackedChanges(xml) {
  const out = [];
  for (const m of xml.matchAll(/<w:(ins|del) ([^>]*[^/])>([\s\S]*?)<\/w:\1>/g)) {
    const attr = (name) => (m[2].match(new RegExp(`w:${name}="([^"]*)"`)) || [])[1];
    const text = [...m[3].matchAll(/<w:(?:t|delText)[^>]*>([^<]*)<\/w:(?:t|delText)>/g)].map((t) => unescape(t[1])).join('');
    out.push({ kind: m[1], author: attr('author'), date: attr('date'), text });
  }
  return out;
}

/** The text a reader sees in a part: every w:t, deleted text (w:delText) left out. */
export function docxText(xml) {
  return [...xml.matchAll(/<w:t[ >][^<]*<\/w:t>|<\/w:p>/g)]
    .map((m) => (m[0] === '</w:p>' ? '\n' : unescape(m[0].replace(/<[^>]+>/g, ''))))
    .join('');
}
