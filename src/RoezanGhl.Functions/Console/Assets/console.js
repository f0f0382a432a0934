// The console's shared script: the CSRF header on every state-changing call (htmx and fetch), the copy buttons
// and the go-live check, whose steps arrive as JSON lines while it runs.
(function () {
  'use strict';
  const token = () => document.querySelector('meta[name="csrf-token"]').content;

  window.consoleFetch = function (url, options) {
    const init = Object.assign({ credentials: 'same-origin' }, options || {});
    init.headers = Object.assign({ 'X-CSRF-Token': token() }, init.headers || {});
    return fetch(url, init);
  };

  document.addEventListener('htmx:configRequest', (event) => {
    event.detail.headers['X-CSRF-Token'] = token();
  });

  function copy(button) {
    const text = document.getElementById(button.dataset.copy).textContent;
    const done = () => { button.textContent = 'Copied'; setTimeout(() => { button.textContent = 'Copy'; }, 2000); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, () => select(button, text));
    } else {
      select(button, text);
    }
  }

  // Without the clipboard API (plain http), select the URL so the person can press Ctrl+C.
  function select(button, text) {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById(button.dataset.copy));
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    button.textContent = 'Selected: press Ctrl+C';
    return text;
  }

  async function check(button) {
    const list = document.getElementById(button.dataset.steps);
    list.replaceChildren();
    button.disabled = true;
    try {
      const response = await window.consoleFetch(button.dataset.check, { method: 'POST' });
      if (!response.ok) {
        addStep(list, { name: 'check', passed: false, detail: 'the console answered ' + response.status });
        return;
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, end).trim();
          buffer = buffer.slice(end + 1);
          if (line) addStep(list, JSON.parse(line));
        }
      }
    } finally {
      button.disabled = false;
    }
  }

  function addStep(list, step) {
    const item = document.createElement('li');
    item.className = step.passed ? 'ok' : 'bad';
    item.textContent = (step.passed ? 'pass: ' : 'FAIL: ') + step.name + ' — ' + step.detail;
    list.appendChild(item);
  }

  document.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.classList.contains('copy')) copy(button);
    if (button.classList.contains('check')) check(button);
  });
})();
