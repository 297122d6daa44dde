/**
 * BPTT Playground as an anywidget front-end module (https://anywidget.dev): `render({ model, el })`
 * puts the playground's embed, an iframe of the site this module is served from, into `el`.
 *
 * Model keys
 *   config    object of link settings, e.g. {cell: 'lstm', rho: 0.9, T: 50}; a change applies as
 *             the embed's set-config message does (keys left out keep their value; a value the
 *             embed cannot use makes it ignore the change, and its console says why)
 *   panels    list (or comma string) of panels: grad, spectrum, belt, loss, hidden, explain, controls
 *   controls  list (or comma string) of controls to keep, e.g. ['rho', 'play']; [] = none
 *   lesson    lesson id, e.g. 'vanishing' (its settings first, then `config`'s)
 *   playing   true while it trains; setting it plays or pauses, pressing Play in the page sets it
 *   iteration, loss, ratio   read-only: the run's iteration, latest loss and ‖∂L/∂h₁‖/‖∂L/∂h_T‖
 * A change of panels, controls or lesson reloads the iframe (they shape the page, not the run).
 */
const PREFIX = 'bptt-playground:';
const EMBED = new URL('./index.html', import.meta.url);
// Messages go to the playground's origin only (a file: URL has none to name).
const TARGET = EMBED.origin === 'null' ? '*' : EMBED.origin;

const list = (v) => (Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : null);

/** The embed's link for the model as it is now. */
function embedUrl(model) {
  const url = new URL(EMBED);
  const q = url.searchParams;
  q.set('embed', '1');
  const lesson = model.get('lesson');
  if (typeof lesson === 'string' && lesson !== '') q.set('lesson', lesson);
  const config = model.get('config');
  if (config && typeof config === 'object')
    for (const [key, value] of Object.entries(config))
      if (value !== null && value !== undefined) q.set(key, String(value));
  for (const key of ['panels', 'controls']) {
    const v = list(model.get(key));
    if (v !== null) q.set(key, v === '' ? 'none' : v);
  }
  if (model.get('playing') === true) q.set('autoplay', '1');
  return url.href;
}

function render({ model, el }) {
  const iframe = document.createElement('iframe');
  iframe.title = 'BPTT Playground';
  iframe.style.cssText = 'border:0;width:100%;display:block';
  iframe.height = '480';
  /** What the page last reported; null until it has (messages sent before would be lost). */
  let page = null;
  const send = (msg) => iframe.contentWindow?.postMessage(msg, TARGET);
  const reload = () => {
    page = null;
    iframe.src = embedUrl(model);
  };

  const onMessage = (event) => {
    if (event.source !== iframe.contentWindow || event.source === null) return;
    if (TARGET !== '*' && event.origin !== TARGET) return;
    const d = event.data;
    if (d === null || typeof d !== 'object') return;
    if (d.type === `${PREFIX}resize` && Number.isFinite(d.height) && d.height > 0) {
      iframe.height = String(Math.ceil(d.height));
    } else if (d.type === `${PREFIX}state`) {
      const first = page === null;
      page = { playing: d.playing === true };
      model.set('iteration', Number.isFinite(d.iteration) ? d.iteration : 0);
      model.set('loss', Number.isFinite(d.loss) ? d.loss : null);
      model.set('ratio', Number.isFinite(d.ratio) ? d.ratio : null);
      // On the first report the model may have asked for play or pause while the page loaded.
      if (first && model.get('playing') === !page.playing) onPlaying();
      else if (model.get('playing') !== page.playing) model.set('playing', page.playing);
      model.save_changes();
    }
  };
  const onPlaying = () => {
    const want = model.get('playing') === true;
    if (page === null || want === page.playing) return;
    send({ type: `${PREFIX}${want ? 'play' : 'pause'}` });
  };
  const onConfig = () => {
    const config = model.get('config');
    if (page === null) return reload();
    if (config && typeof config === 'object')
      send({ type: `${PREFIX}set-config`, config: { ...config } });
  };

  window.addEventListener('message', onMessage);
  model.on('change:playing', onPlaying);
  model.on('change:config', onConfig);
  for (const key of ['panels', 'controls', 'lesson']) model.on(`change:${key}`, reload);
  reload();
  el.append(iframe);

  return () => {
    window.removeEventListener('message', onMessage);
    model.off('change:playing', onPlaying);
    model.off('change:config', onConfig);
    for (const key of ['panels', 'controls', 'lesson']) model.off(`change:${key}`, reload);
    iframe.remove();
  };
}

export default { render };
