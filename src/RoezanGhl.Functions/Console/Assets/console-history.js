// Run history: draws the events-per-hour chart (uPlot) from the page's JSON data block.
(function () {
  'use strict';
  const holder = document.getElementById('chart');
  const data = JSON.parse(document.getElementById('chart-data').textContent);
  if (!holder || typeof uPlot === 'undefined') return;
  const colours = { Applied: '#1a7f37', Failed: '#cf222e', Skipped: '#6e7781', Waiting: '#9a6700', Conflict: '#8250df' };
  const shown = data.outcomes.map((name, i) => ({ name, counts: data.counts[i] })).filter((s) => s.counts.some((n) => n > 0));
  const x = data.hours.map((hour) => Date.parse(hour) / 1000);
  const series = [{}].concat(shown.map((s) => ({ label: s.name, stroke: colours[s.name] || '#0969da', width: 2 })));
  const options = { width: Math.min(holder.clientWidth || 800, 900), height: 240, series, axes: [{}, { label: 'events' }] };
  // eslint-disable-next-line no-new
  new uPlot(options, [x].concat(shown.map((s) => s.counts)), holder);
})();
