// The page: one AutonomieChart per [data-autonomie-chart] element, the FR/EN switch,
// and the list of every source.

import { AutonomieChart, allSources, loadWasm, sourceLink } from './autonomie.js';

const charts = new Map();

function setPageLang(lang) {
  document.documentElement.lang = lang;
  for (const button of document.querySelectorAll('[data-lang-choice]')) {
    button.setAttribute('aria-pressed', String(button.dataset.langChoice === lang));
  }
  for (const chart of charts.values()) chart.setLang(lang);
  renderSources(lang);
}

function renderSources(lang) {
  const { checked, sources } = allSources(lang);
  document.getElementById('data-checked').textContent =
    lang === 'fr' ? `Données vérifiées le ${checked}.` : `Data last checked on ${checked}.`;
  const quotes = lang === 'fr' ? ['«\u00a0', '\u00a0»'] : ['“', '”'];
  const items = sources.map((source) => {
    const item = document.createElement('li');
    item.id = `source-${source.key}`;
    const note = source.dateNote ? ` (${source.dateNote})` : '';
    item.append(`${source.publisher}, `, sourceLink(source, quotes), `, ${source.date}${note}.`);
    return item;
  });
  document.getElementById('source-list').replaceChildren(...items);
}

async function main() {
  try {
    await loadWasm();
  } catch (error) {
    console.error('autonomie: the chart engine could not load:', error);
    for (const container of document.querySelectorAll('[data-autonomie-chart]')) {
      container.textContent = 'Le moteur des graphiques n’a pas pu se charger. · The chart engine could not load.';
      container.classList.add('atm-error');
    }
    return;
  }
  const lang = document.documentElement.lang === 'en' ? 'en' : 'fr';
  for (const container of document.querySelectorAll('[data-autonomie-chart]')) {
    const id = container.dataset.autonomieChart;
    charts.set(id, new AutonomieChart(container, id, { lang }));
  }
  for (const button of document.querySelectorAll('[data-lang-choice]')) {
    button.addEventListener('click', () => setPageLang(button.dataset.langChoice));
  }
  renderSources(lang);
  document.documentElement.dataset.ready = 'true';
}

// Exposed for the end-to-end tests and for readers who script the page.
window.autonomieCharts = charts;
main();
