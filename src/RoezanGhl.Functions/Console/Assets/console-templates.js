// The Presets and SMS templates screen: reads the switches and fields the server rendered, asks the app for a row's
// preview as its text is typed (debounced), shows each problem next to its field, and saves (If-Match: the version
// edited). The app decides everything: rendering, encoding, segments, timing, validation.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const root = $('templates');
  if (!root) return;
  const api = 'api/accounts/' + encodeURIComponent(root.dataset.account) + '/templates';
  const rows = () => Array.from(document.querySelectorAll('article.automation'));
  const value = (id) => ($(id) ? $(id).value : undefined);
  const words = (id) => ($(id) ? $(id).value.split(',').map((w) => w.trim()).filter((w) => w) : undefined);

  function edit() {
    const flows = {};
    document.querySelectorAll('[data-flow]').forEach((box) => { flows[box.dataset.flow] = box.checked; });
    return {
      preset: $('preset').value,
      flows,
      sendingHours: { start: $('hours-start').value.trim(), end: $('hours-end').value.trim() },
      automations: rows().map((row) => {
        const p = 'auto-' + row.dataset.row;
        const max = parseInt(value(p + '-max'), 10);
        return {
          entry: row.dataset.entry === '' ? null : parseInt(row.dataset.entry, 10),
          template: row.dataset.template || null,
          enabled: $(p + '-enabled').checked,
          message: value(p + '-message'),
          after: value(p + '-after') || null,
          before: value(p + '-before') || null,
          maxSegments: Number.isNaN(max) ? null : max,
          tags: words(p + '-tags'),
          keywords: words(p + '-keywords'),
        };
      }),
    };
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // A problem goes next to its field, or the nearest enclosing one (Automations:2:trigger:tags → …-2-trigger → …-2).
  function placeOf(path) {
    const parts = (path || '').split(':');
    while (parts.length) {
      const target = $('problem-' + parts.join('-'));
      if (target) return target;
      parts.pop();
    }
    return null;
  }

  function clearProblems(scope) { (scope || document).querySelectorAll('.problem').forEach((p) => { p.textContent = ''; }); }

  function showProblems(problems, scope) {
    clearProblems(scope);
    const general = [];
    problems.forEach((p) => {
      const target = placeOf(p.path);
      if (target && (!scope || scope.contains(target))) target.textContent = p.message;
      else if (!scope) general.push((p.path ? p.path + ': ' : '') + p.message);
    });
    if (!scope) $('problem-general').textContent = general.join(' ');
  }

  function figures(answer) {
    const list = el('ul', { class: 'figures' });
    list.appendChild(el('li', { 'data-figure': 'encoding' }, 'Encoding: ' + answer.encoding));
    list.appendChild(el('li', { 'data-figure': 'segments' }, 'Segments: ' + answer.segments + ' of at most ' + answer.maxSegments));
    list.appendChild(el('li', { 'data-figure': 'left' }, 'Characters left in this segment: ' + answer.charactersLeft));
    list.appendChild(el('li', { 'data-figure': 'send-at' }, 'Would be sent: ' + answer.sendAtLocal + (answer.movedIntoSendingHours ? ' (moved into sending hours)' : '')));
    if (answer.missingPlaceholders && answer.missingPlaceholders.length) list.appendChild(el('li', {}, 'Empty for the sample: ' + answer.missingPlaceholders.join(', ')));
    return list;
  }

  async function preview(row) {
    const out = $('auto-' + row.dataset.row + '-preview');
    const response = await window.consoleFetch(api + '/preview', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ edit: edit(), row: parseInt(row.dataset.row, 10) }),
    });
    const answer = await response.json();
    if (response.status === 422) {
      showProblems(answer.problems, row);
      out.replaceChildren(el('p', { class: 'problem' }, 'Cannot preview: ' + answer.problems.map((p) => p.message).join(' ')));
      return;
    }
    clearProblems(row);
    if (!response.ok) { out.replaceChildren(el('p', { class: 'problem' }, 'Cannot preview: ' + answer.error)); return; }
    if (answer.notPlanned) { out.replaceChildren(el('p', {}, 'Nothing would be sent to the sample contact: ' + answer.notPlanned)); return; }
    out.replaceChildren(el('p', { class: 'sms-text' }, answer.text), figures(answer));
  }

  const timers = new Map();
  function later(row) { clearTimeout(timers.get(row)); timers.set(row, setTimeout(() => preview(row), 300)); }

  async function save() {
    const response = await window.consoleFetch(api, {
      method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': root.dataset.etag }, body: JSON.stringify(edit()),
    });
    const answer = await response.json();
    if (response.ok) {
      // The rows change (a template switched on is now an entry): the server renders them again.
      window.location.assign('templates?account=' + encodeURIComponent(root.dataset.account) + '&saved=' + answer.version);
    } else if (response.status === 422) {
      showProblems(answer.problems);
      $('save-result').textContent = 'Not saved: the configuration has problems (shown next to the fields).';
    } else {
      $('save-result').textContent = 'Not saved: ' + answer.error;
    }
  }

  rows().forEach((row) => {
    row.addEventListener('input', () => later(row));
    row.addEventListener('change', () => later(row));
    preview(row);
  });
  $('save').addEventListener('click', save);
})();
