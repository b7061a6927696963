// Loopwise embeddable feedback widget. Plain JS, no dependencies; minified budget < 4 KB.
//
//   <script src="https://loopwise.example/dist/widget.js" data-survey="WORKSPACE/LINKTOKEN" data-touchpoint="KEY"
//           data-customer="EXTERNAL_ID" data-label="Feedback" async></script>
//
// Optional attributes: data-position="left" (button on the bottom left), data-button="false" (no floating
// button; call window.LoopwiseWidget.open() from your own control), data-base="https://host/path" (when
// Loopwise runs under a path base; defaults to the origin of this script's src).
//
// Opens a modal dialog with an iframe of {base}/s/{WORKSPACE}/{LINKTOKEN}[/{KEY}]?embed=1&cid=EXTERNAL_ID.
// Closes with Esc, the close button, or a `"loopwise:close"` message posted by the survey page.
// The only global is window.LoopwiseWidget = { open, close }.
(() => {
  if (window.LoopwiseWidget) {
    return;
  }

  const script =
    document.currentScript || document.querySelector('script[data-survey][src*="widget"]');
  if (!script) {
    return;
  }
  const data = script.dataset;
  const token = data.survey;
  if (!token) {
    return;
  }
  const base = (data.base || new URL(script.src, location.href).origin).replace(/\/+$/, '');
  const origin = new URL(base).origin;
  const label = data.label || 'Feedback';

  const params = new URLSearchParams({ embed: '1' });
  if (data.customer) {
    params.set('cid', data.customer);
  }
  const path = token.split('/').concat(data.touchpoint ? [data.touchpoint] : []).map(encodeURIComponent).join('/');
  const surveyUrl = `${base}/s/${path}?${params}`;

  const css =
    ':host{all:initial}' +
    '*{box-sizing:border-box;font:600 16px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}' +
    '.b{position:fixed;bottom:16px;right:16px;z-index:2147483000;min-height:44px;padding:10px 18px;' +
    'border:2px solid #fff;border-radius:22px;background:#0b55b8;color:#fff;cursor:pointer;' +
    'box-shadow:0 2px 8px rgba(0,0,0,.35)}' +
    '.b.l{right:auto;left:16px}.b:hover{background:#083f8a}' +
    ':focus-visible{outline:3px solid #111418;outline-offset:2px}' +
    '.b:focus-visible{box-shadow:0 0 0 6px #fff}' +
    'dialog{width:min(32rem,100vw - 16px);height:min(42rem,100vh - 16px);max-width:none;max-height:none;' +
    'padding:0;border:0;border-radius:12px;background:#fff;color:#111418;overflow:hidden;' +
    'box-shadow:0 8px 32px rgba(0,0,0,.4)}' +
    'dialog::backdrop{background:rgba(17,20,24,.55)}' +
    '.h{display:flex;align-items:center;justify-content:space-between;padding:4px 4px 4px 16px;' +
    'border-bottom:1px solid #d0d5db}' +
    '.x{min-width:44px;min-height:44px;border:0;border-radius:8px;background:none;color:#111418;' +
    'font-size:28px;line-height:1;cursor:pointer}.x:hover{background:#eef1f4}.x:focus-visible{outline-offset:-4px}' +
    'iframe{display:block;width:100%;height:calc(100% - 53px);border:0}' +
    '@media (max-width:30rem){dialog{width:100vw;height:100vh;border-radius:0}}';

  let dialog;
  let closeButton;
  let frame;
  let lastFocus = null;

  function build(root) {
    dialog = document.createElement('dialog');
    dialog.setAttribute('aria-label', label);
    const header = document.createElement('div');
    header.className = 'h';
    const title = document.createElement('span');
    title.textContent = label;
    closeButton = document.createElement('button');
    closeButton.type = 'button';
    closeButton.className = 'x';
    closeButton.setAttribute('aria-label', 'Close');
    closeButton.textContent = '\u00d7';
    closeButton.addEventListener('click', close);
    header.append(title, closeButton);
    frame = document.createElement('iframe');
    frame.title = `${label} survey`;
    // Keeps focus inside the dialog when tabbing forward out of the iframe.
    const sentinel = document.createElement('span');
    sentinel.tabIndex = 0;
    sentinel.addEventListener('focus', () => closeButton.focus());
    dialog.append(header, frame, sentinel);
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close();
    });
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      } else if (event.key === 'Tab' && event.shiftKey && event.target === closeButton) {
        event.preventDefault();
        frame.focus();
      }
    });
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) {
        const r = dialog.getBoundingClientRect();
        const inside =
          event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom;
        if (!inside) {
          close();
        }
      }
    });
    root.append(dialog);
  }

  let shadow;

  function mount() {
    if (shadow) {
      return;
    }
    const host = document.createElement('div');
    host.setAttribute('data-loopwise-widget', '');
    shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
    if (data.button !== 'false') {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = data.position === 'left' ? 'b l' : 'b';
      button.textContent = label;
      button.setAttribute('aria-haspopup', 'dialog');
      button.addEventListener('click', open);
      shadow.append(button);
    }
    document.body.append(host);
  }

  function open() {
    if (typeof HTMLDialogElement !== 'function') {
      window.open(surveyUrl, '_blank', 'noopener');
      return;
    }
    if (!shadow) {
      mount();
    }
    if (!dialog) {
      build(shadow);
    }
    if (dialog.open) {
      return;
    }
    const active = shadow.activeElement || document.activeElement;
    lastFocus = active && active !== document.body ? active : null;
    if (!frame.src) {
      frame.src = surveyUrl;
    }
    dialog.showModal();
    closeButton.focus();
  }

  function close() {
    if (!dialog || !dialog.open) {
      return;
    }
    dialog.close();
    if (lastFocus && lastFocus.isConnected) {
      lastFocus.focus();
    }
    lastFocus = null;
  }

  window.addEventListener('message', (event) => {
    if (event.origin === origin && frame && event.source === frame.contentWindow && event.data === 'loopwise:close') {
      close();
    }
  });

  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount, { once: true });
  }

  window.LoopwiseWidget = Object.freeze({ open, close });
})();
