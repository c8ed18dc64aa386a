// Optional helper for pages that embed Autonomie charts with an <iframe>: fits each
// such iframe to the height its chart reports. Load it from the same host as the
// charts, as a classic script:
//
//   <script src="https://WIDGET-HOST/www/autonomie-resize.js" defer></script>
//
// It only accepts messages from that host, and only from one of the page's iframes.
(() => {
  const script = document.currentScript;
  if (!script || !script.src) return;
  const widgetOrigin = new URL(script.src).origin;
  const MAX_HEIGHT = 5000;
  window.addEventListener('message', (event) => {
    if (event.origin !== widgetOrigin) return;
    const data = event.data;
    if (!data || data.type !== 'autonomie:height' || !Number.isFinite(data.height)) return;
    for (const frame of document.getElementsByTagName('iframe')) {
      if (frame.contentWindow === event.source) {
        frame.height = String(Math.max(100, Math.min(MAX_HEIGHT, Math.ceil(data.height))));
      }
    }
  });
})();
