// Opens what the grader wrote for one grade as a student would see it, in headless Chromium:
// report.html at a phone's and a laptop's width, and every Mermaid diagram of summary.md parsed and drawn
// by Mermaid itself (the library GitHub uses to draw them). Fails, saying what it saw, when the page logs
// an error, fetches anything, is wider than the screen, or draws other numbers than report.json holds.
//
//   node check.mjs DIR [--max-overlap TEST_ID=N]... [--cycle TEST_ID=THREADS]...
import { readFileSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
if (args.length === 0 || args[0].startsWith('-')) {
  console.error('usage: node check.mjs DIR [--max-overlap TEST_ID=N]... [--cycle TEST_ID=THREADS]...');
  process.exit(2);
}
const dir = resolve(args[0]);
const maxOverlap = new Map();
const cycles = new Map();
for (let i = 1; i < args.length; i += 2) {
  const [id, n] = (args[i + 1] || '').split('=');
  const into = args[i] === '--max-overlap' ? maxOverlap : args[i] === '--cycle' ? cycles : null;
  if (!into || !id || !(Number(n) > 0)) {
    console.error(`bad argument: ${args[i]} ${args[i + 1] || ''}`);
    process.exit(2);
  }
  into.set(id, Number(n));
}

const problems = [];
const problem = (text) => problems.push(text);
const started = Date.now();
const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
const htmlBytes = readFileSync(join(dir, 'report.html')).length;

// What report.json says should be drawn: each test's pictures (a group of tests with one message draws
// under its first test; the page names that test on its figures).
const pictured = report.exercises.flatMap((e) => e.tests).filter((t) => (t.pictures || []).length > 0);

/** The most intervals [a, b) under way at one instant; an interval with no length counts at its instant. */
function peak(intervals) {
  let most = 0;
  for (const x of intervals) {
    const at = x[0];
    most = Math.max(most, intervals.filter((o) => o === x || (o[0] <= at && at < o[1])).length);
  }
  return most;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // As root on a machine with a closed network: no sandbox, and none of Chromium's own calls out.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const summaryOut = { dir, htmlBytes, widths: {}, mermaid: 0 };
try {
  for (const width of [375, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) errors.push(`fetched ${r.url()}`); });
    await page.goto('file://' + join(dir, 'report.html'));
    const seen = await page.evaluate(() => {
      const svgs = [...document.querySelectorAll('figure svg')];
      return {
        pageWidth: document.documentElement.scrollWidth,
        screen: window.innerWidth,
        scripts: document.querySelectorAll('script').length,
        total: document.getElementById('total')?.textContent,
        widest: Math.max(0, ...[...document.querySelectorAll('figure')].map((f) => f.getBoundingClientRect().width)),
        // The smallest words drawn in a picture, in screen pixels, after the picture is scaled to the page.
        smallestText: Math.min(99, ...svgs.flatMap((s) => [...s.querySelectorAll('text')]).map((t) => t.getBoundingClientRect().height).filter((h) => h > 0)),
        figures: [...document.querySelectorAll('figure')].map((f) => {
          const svg = f.querySelector('svg');
          return {
            test: f.dataset.test,
            kind: svg.classList.contains('timeline') ? 'timeline' : 'cycle',
            rows: Number(svg.dataset.rows || 0),
            threads: Number(svg.dataset.threads || 0),
            drawnRows: svg.querySelectorAll('g.row').length,
            bars: [...svg.querySelectorAll('rect.bar')].map((r) => [Number(r.dataset.startMs), Number(r.dataset.endMs),
              r.getBBox().x, r.getBBox().width]),
            instants: [...svg.querySelectorAll('path.instant')].map((p) => Number(p.dataset.atMs)),
            threadNodes: svg.querySelectorAll('g.node.thread').length,
            edges: svg.querySelectorAll('g.edge').length,
          };
        }),
      };
    });
    errors.forEach((e) => problem(`${width}px: ${e}`));
    if (seen.scripts > 0) problem(`${width}px: the page has ${seen.scripts} script element(s); it must have none`);
    if (seen.pageWidth > seen.screen + 1) problem(`${width}px: the page is ${seen.pageWidth}px wide on a ${seen.screen}px screen`);
    if (seen.widest > seen.screen) problem(`${width}px: a picture's frame is ${seen.widest}px wide on a ${seen.screen}px screen`);
    if (seen.smallestText < 10) problem(`${width}px: words in a picture are ${seen.smallestText.toFixed(1)}px high: too small to read`);
    const total = `${report.score} / ${report.maxScore}`;
    if (report.maxScore > 0 && seen.total !== total) problem(`${width}px: the page's total is "${seen.total}", report.json's ${total}`);
    for (const test of pictured) {
      const figures = seen.figures.filter((f) => f.test === test.id);
      if (figures.length === 0 && (maxOverlap.has(test.id) || cycles.has(test.id))) {
        problem(`${width}px: ${test.id}: no picture drawn, and the check names this test`);
        continue;
      }
      if (figures.length === 0) continue; // grouped under another test with the same message
      if (figures.length !== test.pictures.length) problem(`${test.id}: ${figures.length} pictures drawn, report.json has ${test.pictures.length}`);
      test.pictures.forEach((p, i) => {
        const f = figures[i];
        if (!f || f.kind !== p.kind) { problem(`${test.id}: picture ${i + 1} is not a ${p.kind}`); return; }
        if (p.kind === 'timeline') {
          const rows = Math.min(p.bars.length, 24);
          if (f.rows !== rows || f.drawnRows !== rows || f.bars.length + f.instants.length !== rows) {
            problem(`${test.id}: timeline drawn with ${f.drawnRows} rows (${f.bars.length} bars, ${f.instants.length} instants), report.json has ${rows}`);
          }
        } else if (f.threadNodes !== Math.min(p.links.length, 12)) {
          problem(`${test.id}: cycle drawn with ${f.threadNodes} threads, report.json has ${p.links.length}`);
        }
      });
      if (maxOverlap.has(test.id)) {
        const f = figures.find((x) => x.kind === 'timeline');
        const byTime = f ? peak([...f.bars.map((b) => [b[0], b[1]]), ...f.instants.map((t) => [t, t])]) : 0;
        // What the eye sees: bars whose drawn extents overlap (instants are marks, not lengths).
        const byShape = f ? peak(f.bars.map((b) => [b[2], b[2] + b[3] - 0.01])) : 0;
        summaryOut.overlap = { test: test.id, byTime, byShape };
        if (!f || byTime > maxOverlap.get(test.id) || byShape > maxOverlap.get(test.id) || byTime < 1) {
          problem(`${test.id}: the page draws ${byTime} at once by time and ${byShape} by shape; at most ${maxOverlap.get(test.id)} expected`);
        }
      }
    }
    for (const [id, threads] of cycles) {
      const f = seen.figures.find((x) => x.test === id && x.kind === 'cycle');
      if (!f || f.threadNodes !== threads || f.edges < 2 * threads) problem(`${width}px: ${id}: no cycle of ${threads} threads drawn (${JSON.stringify(f)})`);
    }
    summaryOut.widths[width] = { pageWidth: seen.pageWidth, figures: seen.figures.length, smallestText: Number(seen.smallestText.toFixed(1)) };
    await context.close();
  }

  // Mermaid: every diagram of summary.md parsed and drawn by Mermaid itself, offline.
  const blocks = [...summary.matchAll(/<!-- test: (\S+) -->\n```mermaid\n([\s\S]*?)```/g)].map((m) => ({ test: m[1], text: m[2] }));
  const allBlocks = (summary.match(/```mermaid\n/g) || []).length;
  if (blocks.length !== allBlocks) problem(`summary.md: ${allBlocks} mermaid blocks, ${blocks.length} named by a test comment`);
  // summary.md draws the graded tests' pictures (the practice checks there are a short list).
  if (blocks.length === 0 && pictured.some((t) => t.maxPoints > 0)) problem('summary.md has no Mermaid diagram, report.json has pictures of graded tests');
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:') && r.url() !== 'about:blank') errors.push(`fetched ${r.url()}`); });
  await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
  await page.addScriptTag({ path: join(here, 'node_modules/mermaid/dist/mermaid.min.js') });
  const drawn = await page.evaluate(async (list) => {
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    const out = [];
    for (let i = 0; i < list.length; i++) {
      const { test, text } = list[i];
      try {
        await window.mermaid.parse(text);
        const { svg } = await window.mermaid.render('diagram' + i, text);
        const holder = document.createElement('div');
        holder.innerHTML = svg;
        document.getElementById('out').appendChild(holder);
        const bars = [...holder.querySelectorAll('rect.task')].filter((r) => !r.classList.contains('milestone'))
          .map((r) => [Number(r.getAttribute('x')), Number(r.getAttribute('x')) + Number(r.getAttribute('width')) - 0.01]);
        out.push({ test, kind: text.startsWith('gantt') ? 'gantt' : 'graph', tasks: holder.querySelectorAll('rect.task').length,
          bars, nodes: holder.querySelectorAll('g.node').length, edges: holder.querySelectorAll('.edgePaths path, path.flowchart-link').length });
      } catch (e) {
        out.push({ test, error: String(e && e.message || e) });
      }
    }
    return out;
  }, blocks);
  errors.forEach((e) => problem(`mermaid: ${e}`));
  for (const id of [...maxOverlap.keys(), ...cycles.keys()]) {
    if (pictured.some((t) => t.id === id && t.maxPoints > 0) && !blocks.some((b) => b.test === id)) {
      problem(`summary.md: no diagram for ${id}, which the check names`);
    }
  }
  summaryOut.mermaid = drawn.length;
  for (const d of drawn) {
    if (d.error) { problem(`summary.md: the diagram of ${d.test} does not parse: ${d.error}`); continue; }
    const test = pictured.find((t) => t.id === d.test);
    if (!test) { problem(`summary.md: a diagram for ${d.test}, which has no pictures in report.json`); continue; }
    if (d.kind === 'gantt') {
      const t = test.pictures.find((p) => p.kind === 'timeline');
      const rows = Math.min(t.bars.length, 8);
      if (d.tasks !== rows) problem(`summary.md: the gantt of ${d.test} draws ${d.tasks} tasks, report.json has ${rows} rows to draw`);
      if (maxOverlap.has(d.test)) {
        const p = peak(d.bars);
        summaryOut.ganttOverlap = p;
        if (p > maxOverlap.get(d.test) || p < 1) problem(`summary.md: the gantt of ${d.test} draws ${p} bars at once; at most ${maxOverlap.get(d.test)} expected`);
      }
    } else {
      const c = test.pictures.find((p) => p.kind === 'cycle');
      if (cycles.has(d.test) && (d.nodes < 2 * cycles.get(d.test) || d.edges < 2 * cycles.get(d.test))) {
        problem(`summary.md: the graph of ${d.test} has ${d.nodes} nodes and ${d.edges} edges for a cycle of ${c.links.length}`);
      }
    }
  }
} finally {
  await browser.close();
}
summaryOut.seconds = (Date.now() - started) / 1000;
console.log(JSON.stringify(summaryOut));
if (problems.length > 0) {
  console.error(`report check failed (${dir}):\n- ` + problems.join('\n- '));
  process.exit(1);
}
