// The published JSON Schema accepts the datasets the widget accepts, and refuses the
// mistakes it can express.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const schema = JSON.parse(read('docs/dataset.schema.json'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function docExample() {
  const doc = read('docs/data-format.md');
  const start = doc.indexOf('```json\n') + '```json\n'.length;
  return JSON.parse(doc.slice(start, doc.indexOf('\n```', start)));
}

function computeExample() {
  const doc = read('docs/data-format.md');
  const heading = doc.indexOf('### A chart of computing power');
  const start = doc.indexOf('```json\n', heading) + '```json\n'.length;
  return JSON.parse(doc.slice(start, doc.indexOf('\n```', start)));
}

test('the embedded dataset, the documentation example and the blog example follow the schema', () => {
  for (const [name, dataset] of [
    ['data/autonomie.json', JSON.parse(read('data/autonomie.json'))],
    ['docs/data-format.md', docExample()],
    ['examples/data/mistral-levees.json', JSON.parse(read('examples/data/mistral-levees.json'))],
    ['docs/data-format.md (computing power)', computeExample()],
  ]) {
    assert.ok(validate(dataset), `${name}: ${JSON.stringify(validate.errors, null, 1)}`);
  }
});

test('the schema refuses what the widget refuses', () => {
  const cases = [
    ['unknown field', (d) => { d.charts[0].colour = 'red'; }],
    ['unknown chart kind', (d) => { d.charts[0].views[0].kind = 'pie'; }],
    ['zero value', (d) => { d.charts[0].views[0].series[0].points[0].value = 0; }],
    ['number as a string', (d) => { d.charts[0].views[0].series[0].points[0].value = '40'; }],
    ['missing translation', (d) => { delete d.charts[0].title.fr; }],
    ['not a date', (d) => { d.charts[0].views[0].series[0].points[0].date = '2024-13'; }],
    ['javascript: link', (d) => { d.sources['hai-2025'].url = 'javascript:alert(1)'; }],
    ['bad colour', (d) => { d.charts[0].views[0].series[0].color = 'blue'; }],
    ['timeline with groups', (d) => { d.charts[1].views[0].groups = [{ key: 'x', label: { en: 'x', fr: 'x' } }]; }],
    ['wrong format', (d) => { d.format = 2; }],
    ['a text over 300 characters', (d) => { d.charts[0].title.en = 'x'.repeat(301); }],
    ['a value over 1e15', (d) => { d.charts[0].views[0].series[0].points[0].value = 1e16; }],
    ['a value under 1e-6', (d) => { d.charts[0].views[0].series[0].points[0].value = 1e-7; }],
    ['an implausible exchange rate', (d) => { d.rates[0].usd_per_eur = 20; }],
    ['an unknown measure', (d) => { d.charts[0].views[0].measure = 'petaflops'; }],
    ['no_rate as a plain string', (d) => { d.charts[1].views[0].series[0].points[0].no_rate = 'none yet'; }],
    ['101 series in a view', (d) => {
      const view = d.charts[0].views[0];
      view.series = Array.from({ length: 101 }, (_, i) => ({ ...view.series[0], key: `s${i}` }));
    }],
  ];
  for (const [name, edit] of cases) {
    const dataset = docExample();
    edit(dataset);
    assert.equal(validate(dataset), false, name);
  }
});
