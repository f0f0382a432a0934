// The field-mapping editor: presets and flows, tags, fields connected by drag and drop (SortableJS) or by keyboard
// (two selects and Connect), the preview of a sample event, save (If-Match: the version edited) and restore.
// Everything it edits is one configuration object, sent to the app as JSON; the app validates it.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let model = JSON.parse($('model').textContent);
  let config = JSON.parse(model.configurationJson);
  const extraCustom = new Set();
  const api = () => 'api/accounts/' + encodeURIComponent(model.accountId);
  const mapping = () => config.mapping;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  const customNames = () => Array.from(new Set(Object.keys(mapping().customFields || {}).concat(Array.from(extraCustom)))).sort();
  const roezanFields = () => model.roezanFields.map((f) => ({ id: 'std:' + f, label: f })).concat(customNames().map((f) => ({ id: 'custom:' + f, label: f + ' (custom)' })));
  const ghlFields = () => model.ghlStandardFields.map((f) => ({ id: 'std:' + f, label: f }))
    .concat(model.ghlCustomFields.map((f) => ({ id: 'cid:' + f.id, label: f.name + ' (custom' + (f.key ? ', ' + f.key : '') + ')' })));

  function targetOf(field) {
    const [kind, name] = split(field);
    if (kind === 'std') {
      const target = (mapping().standardFields || {})[name] || name;
      return target === 'none' ? null : 'std:' + target;
    }
    const custom = (mapping().customFields || {})[name];
    return !custom ? null : custom.id ? 'cid:' + custom.id : 'key:' + custom.key;
  }

  function split(id) { const at = id.indexOf(':'); return [id.slice(0, at), id.slice(at + 1)]; }

  function labelOf(target) {
    if (!target) return 'not sent';
    const [kind, name] = split(target);
    if (kind === 'std') return name;
    if (kind === 'key') return 'custom field ' + name;
    const known = model.ghlCustomFields.find((f) => f.id === name);
    return known ? known.name + ' (custom)' : 'custom field ' + name;
  }

  function connect(field, target) {
    const [kind, name] = split(field);
    const [targetKind, targetName] = split(target);
    if (kind === 'std' && targetKind !== 'std') return say('A Roezan standard field connects to a GHL standard field; add a Roezan custom field for GHL custom fields.');
    if (kind === 'custom' && targetKind === 'std') return say('A Roezan custom field connects to a GHL custom field.');
    if (kind === 'std') { mapping().standardFields = mapping().standardFields || {}; mapping().standardFields[name] = targetName; }
    else { mapping().customFields = mapping().customFields || {}; mapping().customFields[name] = targetKind === 'cid' ? { id: targetName } : { key: targetName }; }
    say('Connected ' + name + ' to ' + labelOf(target) + '.');
    changed();
  }

  function disconnect(field) {
    const [kind, name] = split(field);
    if (kind === 'std') { mapping().standardFields = mapping().standardFields || {}; mapping().standardFields[name] = 'none'; }
    else { delete mapping().customFields[name]; extraCustom.add(name); }
    say(name + ' is no longer sent to GHL.');
    changed();
  }

  function say(text) { $('announce').textContent = text; $('problem-Mapping').textContent = ''; }

  function renderLists() {
    const roezan = $('roezan-fields');
    roezan.replaceChildren(...roezanFields().map((f) => el('li', { 'data-field': f.id }, f.label)));
    const ghl = $('ghl-fields');
    ghl.replaceChildren(...ghlFields().map((f) => {
      const item = el('li', {}, f.label);
      const slot = el('ul', { class: 'slot', 'data-target': f.id, 'aria-label': 'Drop a Roezan field here to connect it to ' + f.label });
      item.appendChild(slot);
      return item;
    }));
    if (window.Sortable) {
      // Fallback mode (pointer events, not native HTML5 drag): the same in every browser, and drivable by a test's pointer.
      window.Sortable.create(roezan, { group: { name: 'fields', pull: 'clone', put: false }, sort: false, animation: 0, forceFallback: true });
      ghl.querySelectorAll('.slot').forEach((slot) => window.Sortable.create(slot, {
        group: { name: 'fields', pull: false, put: true }, forceFallback: true,
        onAdd: (event) => { const field = event.item.dataset.field; event.item.remove(); connect(field, slot.dataset.target); },
      }));
    }
    fill($('pick-roezan'), roezanFields());
    fill($('pick-ghl'), ghlFields());
    $('custom-source').textContent = model.customFieldsSource;
  }

  function fill(select, options) {
    const keep = select.value;
    select.replaceChildren(...options.map((o) => el('option', { value: o.id }, o.label)));
    if (keep) select.value = keep;
  }

  function renderConnections() {
    $('connections').replaceChildren(...roezanFields().map((f) => {
      const [kind, name] = split(f.id);
      const row = el('tr', { 'data-field': f.id });
      row.appendChild(el('th', { scope: 'row' }, f.label));
      row.appendChild(el('td', {}, labelOf(targetOf(f.id))));
      row.appendChild(el('td', { class: 'problem', id: 'problem-Mapping-' + (kind === 'std' ? 'standardFields-' : 'customFields-') + name }));
      const cell = el('td');
      if (targetOf(f.id)) {
        const button = el('button', { type: 'button', 'aria-label': 'Disconnect ' + name }, 'Disconnect');
        button.addEventListener('click', () => disconnect(f.id));
        cell.appendChild(button);
      }
      row.appendChild(cell);
      return row;
    }));
  }

  function renderSettings() {
    $('preset').value = config.preset || 'everything';
    $('tagMode').value = mapping().tagMode || 'Additive';
    $('tagPrefix').value = mapping().tagPrefix || '';
    $('sourceText').value = mapping().source === undefined ? 'Roezan SMS' : mapping().source;
    $('noteOnUpdate').checked = !!mapping().noteOnContactUpdate;
    document.querySelectorAll('[data-direction-field]').forEach((select) => {
      select.value = (mapping().directions || {})[select.dataset.directionField] || 'both';
    });
    $('flows').replaceChildren(...model.flows.map((flow) => {
      const wrap = el('p');
      const id = 'flow-' + flow;
      wrap.appendChild(el('label', { for: id }, flow + ' '));
      const select = el('select', { id, 'aria-describedby': 'problem-Flows-' + flow });
      [['', 'as the preset'], ['on', 'on'], ['off', 'off']].forEach(([v, t]) => select.appendChild(el('option', { value: v }, t)));
      const current = Object.keys(config.flows || {}).find((k) => k.toLowerCase() === flow.toLowerCase());
      select.value = current === undefined ? '' : (config.flows[current] ? 'on' : 'off');
      select.addEventListener('change', () => {
        config.flows = config.flows || {};
        if (current !== undefined) delete config.flows[current];
        if (select.value) config.flows[flow] = select.value === 'on';
        changed();
      });
      wrap.appendChild(select);
      wrap.appendChild(el('span', { class: 'problem', id: 'problem-Flows-' + flow }));
      return wrap;
    }));
    $('versions').replaceChildren(...model.versions.map((v) => {
      const item = el('li', {}, 'Version ' + v.version + ', saved ' + v.savedAt + ' by ' + v.savedBy + (v.note ? ' (' + v.note + ')' : '') + ' ');
      const button = el('button', { type: 'button' }, 'Restore version ' + v.version);
      button.addEventListener('click', () => send('POST', api() + '/versions/' + v.version + '/restore', null));
      item.appendChild(button);
      return item;
    }));
  }

  function render() { renderLists(); renderConnections(); }

  let timer = null;
  function changed() { render(); clearTimeout(timer); timer = setTimeout(preview, 300); }

  function clearProblems() { document.querySelectorAll('.problem').forEach((p) => { p.textContent = ''; }); }

  function showProblems(problems) {
    clearProblems();
    const general = [];
    problems.forEach((p) => {
      const target = p.path ? $('problem-' + p.path.replace(/:/g, '-')) : null;
      if (target) target.textContent = p.message; else general.push((p.path ? p.path + ': ' : '') + p.message);
    });
    $('problem-general').textContent = general.join(' ');
    $('plan').textContent = 'The configuration has problems: ' + problems.map((p) => (p.path ? p.path + ' ' : '') + p.message).join(' ');
  }

  async function preview() {
    const response = await window.consoleFetch(api() + '/preview', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ configuration: config, event: $('sample').value, showPersonalData: $('reveal').checked }),
    });
    const answer = await response.json();
    if (response.status === 422) return showProblems(answer.problems);
    clearProblems();
    $('plan').textContent = response.ok ? answer.payloads + '\n' + answer.links : 'Cannot preview: ' + answer.error;
  }

  async function send(method, url, body) {
    const response = await window.consoleFetch(url, {
      method, headers: { 'Content-Type': 'application/json', 'If-Match': model.eTag }, body: body === null ? undefined : JSON.stringify(body),
    });
    const answer = await response.json();
    if (response.ok) {
      model = answer; config = JSON.parse(model.configurationJson); extraCustom.clear();
      clearProblems(); renderSettings(); render();
      $('source').textContent = 'In force: ' + model.source;
      $('save-result').textContent = 'Saved: ' + model.source + '.';
    } else if (response.status === 422) {
      showProblems(answer.problems);
      $('save-result').textContent = 'Not saved: the configuration has problems (shown next to the fields).';
    } else {
      $('save-result').textContent = 'Not saved: ' + answer.error;
    }
  }

  $('preset').addEventListener('change', () => { config.preset = $('preset').value; changed(); });
  $('tagMode').addEventListener('change', () => { mapping().tagMode = $('tagMode').value; changed(); });
  $('tagPrefix').addEventListener('input', () => { mapping().tagPrefix = $('tagPrefix').value || undefined; changed(); });
  $('sourceText').addEventListener('input', () => { mapping().source = $('sourceText').value; changed(); });
  $('noteOnUpdate').addEventListener('change', () => { mapping().noteOnContactUpdate = $('noteOnUpdate').checked; changed(); });
  // "both" is the default: it is left out of the configuration rather than written.
  document.querySelectorAll('[data-direction-field]').forEach((select) => select.addEventListener('change', () => {
    const directions = mapping().directions = mapping().directions || {};
    if (select.value === 'both') delete directions[select.dataset.directionField]; else directions[select.dataset.directionField] = select.value;
    changed();
  }));
  // A GHL custom field key typed in wins over the list (custom fields the location does not list yet).
  $('connect').addEventListener('click', () => {
    const key = $('pick-key').value.trim();
    connect($('pick-roezan').value, key ? 'key:' + key : $('pick-ghl').value);
    $('pick-key').value = '';
  });
  $('add-custom').addEventListener('click', () => {
    const name = $('new-custom').value.trim();
    if (name) { extraCustom.add(name); $('new-custom').value = ''; render(); say('Added Roezan custom field ' + name + '.'); }
  });
  $('preview').addEventListener('click', preview);
  $('save').addEventListener('click', () => send('PUT', api() + '/configuration', config));
  $('sample').value = model.sampleEvent;
  renderSettings();
  render();
  preview();
})();
