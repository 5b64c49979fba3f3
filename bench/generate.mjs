// Writes a generated agenda file (docs/file-format.md, version 2) for the opening, typing, export
// and save figures of scripts/bench.sh:
//
//   node bench/generate.mjs OUT.agenda.json [ITEMS [ENTRIES]]
//
// (500 items and twice as many register entries by default; scripts/bench.sh also makes the
// plenary-sized one of issue #20, 2,000 items and 5,000 entries.)
//
// The same shape as the agendas of core/benches/checks.rs: sessions of 50 items, top-level items
// with 0–3 sub-items, every item citing one or two documents (some not to be introduced, some at
// a revision, some with a note), every top-level item timed, summaries citing documents and
// items, category typos, and ENTRIES register entries (the cited documents, then uncited ones).
// What a real agenda gets wrong is planted at fixed intervals, so each size has its share of the
// findings: one cited document in 41 missing from the register, and one item in 23 whose
// register entry gives another title. Deterministic: the same ITEMS and ENTRIES always give the
// same bytes.
//
// Prints one JSON line describing the file: its item and entry counts and the accessible name
// of the title box the typing figure types into (a top-level item near the middle).
import { writeFileSync } from 'node:fs';

const out = process.argv[2];
const ITEMS = Number(process.argv[3] || 500);
const ENTRIES = Number(process.argv[4] || 2 * ITEMS);
if (!out || !(ITEMS > 0) || !(ENTRIES > 0)) {
  console.error('usage: node bench/generate.mjs OUT.agenda.json [ITEMS [ENTRIES]]');
  process.exit(2);
}
const ITEMS_PER_SESSION = 50;

// The LCG of core/benches/checks.rs, in 64-bit arithmetic.
const MASK = (1n << 64n) - 1n;
let state = BigInt(0x5eed0000 + ITEMS);
function below(n) {
  state = (state * 6364136223846793005n + 1442695040888963407n) & MASK;
  return Number((state >> 33n) % BigInt(n));
}
const pick = (from) => from[below(from.length)];

const WORDS = ['strategic', 'operational', 'plan', 'industry', 'engagement', 'workshop', 'report',
  'draft', 'ITU-T', 'review', 'metrics', 'input', 'Council', 'working', 'group', 'terms',
  'reference', 'liaison', 'statement', 'progress', 'standardization', 'gap', 'analysis', 'roadmap'];
const SOURCES = ['TSB', 'Rapporteur, RG-SOP', 'Rapporteur, RG-IEM', 'Ericsson Canada; Canada', 'ITU/SG/SPM'];
const CATEGORIES = ['Admin', 'Report', 'Information', 'Contribution', 'Liaison', 'Output', 'infomration'];
const ACTIONS = ['To note', 'To consider', 'To discuss', 'To approve', 'To be approved by WP2 Plenary'];

function title() {
  const n = 3 + below(6);
  const t = Array.from({ length: n }, () => pick(WORDS)).join(' ');
  return t[0].toUpperCase() + t.slice(1);
}

const pad = (n) => String(n).padStart(2, '0');
const hm = (minutes) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

const agenda = {
  id: `bench-${ITEMS}`,
  document: 'TD514',
  revision: null,
  title: 'Agenda, RG-SOP',
  source: 'Rapporteur, RG-SOP',
  group: 'TSAG RG-SOP',
  meeting: 'TSAG meeting',
  place: 'Geneva',
  start_date: '2024-07-29',
  end_date: '2024-08-02',
  time_zone: 'Europe/Zurich',
  time_zone_label: 'Geneva time',
  abstract: 'This TD provides the draft agenda (see Annex B).',
  action_required: 'RG-SOP is invited to adopt this agenda',
  notes: '',
  status: 'Draft',
  link_template: 'https://www.itu.int/md/T22-TSAG-{number}',
  actions: [],
  categories: [],
  sessions: [],
  register: [],
  annexes: [],
  future_meetings: [],
};
const register = agenda.register;
register.push({ id: 1, number: 'TD514', category: 'Admin', source: agenda.source, title: agenda.title });

let nextItem = 1;
let nextDoc = 1000;
let cited = 0; // documents cited so far, for the planted findings

function item() {
  const t = title();
  const source = pick(SOURCES);
  const it = {
    id: nextItem++, title: t, source, docs: [], summary: '', actions: [], notes: '',
    start: null, duration: null, children: [],
  };
  const docs = 1 + below(2);
  for (let k = 0; k < docs; k++) {
    const series = below(5) === 0 ? 'C' : 'TD';
    const revision = below(4) === 0 ? `R${1 + below(2)}` : '';
    const number = `${series}${nextDoc}${revision}`;
    nextDoc++;
    const ref = { number, introduced: below(3) !== 0, note: '' };
    if (k === 0 && below(8) === 0) ref.note = 'Output of RG-IEM meeting';
    it.docs.push(ref);
    cited++;
    const category = pick(CATEGORIES);
    // Planted: a document the secretariat has not registered yet (xref.unregistered), and an
    // entry titled otherwise than the item that presents it (xref.title).
    if (cited % 41 === 0) continue;
    const registered = nextItem % 23 === 0 && k === 0 ? `${t.split(' ').slice(1).join(' ')} workplan` : t;
    register.push({ id: register.length + 1, number, category, source, title: registered });
  }
  it.actions.push(pick(ACTIONS));
  if (below(3) === 0) it.summary = `${title()} Meeting report to be found in TD515; see 1.1.`;
  if (below(4) === 0) it.notes = 'Presented at TSAG Plenary.';
  return it;
}

// Also works out the printed numbers, to name the title box the typing figure uses.
const days = ['2024-07-29', '2024-07-30', '2024-07-31', '2024-08-01', '2024-08-02'];
const rows = []; // [number, depth] in document order
let made = 0;
let sessionNo = 0;
let top = 0;
while (made < ITEMS) {
  const session = {
    id: sessionNo + 1, date: days[sessionNo % days.length], day_label: '', start: '09:00', end: '17:30',
    title: `Session ${sessionNo + 1}`, items: [],
  };
  const inSession = Math.min(ITEMS - made, ITEMS_PER_SESSION);
  let here = 0;
  let minute = 9 * 60;
  while (here < inSession) {
    const t = item();
    t.start = hm(minute);
    minute += 5 + below(10);
    here++;
    top++;
    rows.push([String(top), 0]);
    const subs = below(4);
    for (let s = 0; s < Math.min(subs, inSession - here); s++) {
      const sub = item();
      if (below(3) === 0) sub.duration = 5;
      t.children.push(sub);
      here++;
      rows.push([`${top}.${s + 1}`, 1]);
    }
    session.items.push(t);
  }
  made += here;
  agenda.sessions.push(session);
  sessionNo++;
}
register.push({ id: register.length + 1, number: 'TD515', category: 'Report', source: agenda.source,
  title: 'Reserved for: Report, RG-SOP' });
while (register.length < ENTRIES) {
  const t = title();
  register.push({ id: register.length + 1, number: `TD${nextDoc}`, category: pick(CATEGORIES),
    source: pick(SOURCES), title: t });
  nextDoc++;
}
agenda.annexes.push({ id: 1, title: 'Terms of Reference', body: '- One\n- Two' });
agenda.future_meetings.push({ id: 1, date: '2024-09-04', start: '14:00', end: '15:30', timing: '',
  subject: 'To finalize the 1st TSAG input to CWG-SFP.' });

const file = { format: 'agendum', version: 2, agenda };
writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);

const middle = rows.findIndex(([, depth], i) => i >= Math.floor(rows.length / 2) && depth === 0);
const [number] = rows[middle];
console.log(JSON.stringify({
  file: out, id: agenda.id, items: rows.length, entries: register.length, sessions: agenda.sessions.length,
  title_label: `Item ${number} title`, row: middle + 1,
}));
