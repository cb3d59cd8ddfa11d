// How the article reads: text size, line width, serif or sans, and the
// page's theme (auto follows the system; light, sepia, dark). Kept in this
// browser's localStorage; lib/display-early.js sets the colours before the
// first paint. The styles live in style.css, keyed on <html>'s attributes:
// data-scheme (the colours in use), data-width, data-font, --read-size.
const KEY = 'article-cleaner:display';
export const SIZES = [14, 16, 18, 20, 22, 24, 26, 28];
const CHOICES = {
  width: ['narrow', 'medium', 'wide'],
  font: ['serif', 'sans'],
  theme: ['auto', 'light', 'sepia', 'dark'],
};
export const DEFAULTS = { size: 18, width: 'medium', font: 'serif', theme: 'auto' };

/** The saved settings, each checked, defaults for the rest. */
export function loadDisplay() {
  let saved = {};
  try {
    saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') ?? {};
  } catch {
    /* storage disabled or garbled: the defaults */
  }
  const settings = { ...DEFAULTS };
  if (SIZES.includes(saved.size)) settings.size = saved.size;
  for (const [name, values] of Object.entries(CHOICES)) if (values.includes(saved[name])) settings[name] = saved[name];
  return settings;
}

function save(settings) {
  try {
    localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    /* storage full or disabled: the settings last until the page closes */
  }
}

const systemDark = matchMedia('(prefers-color-scheme: dark)');

function apply(settings) {
  const root = document.documentElement;
  root.style.setProperty('--read-size', `${settings.size}px`);
  root.dataset.width = settings.width;
  root.dataset.font = settings.font;
  root.dataset.theme = settings.theme;
  root.dataset.scheme = settings.theme === 'auto' ? (systemDark.matches ? 'dark' : 'light') : settings.theme;
}

/** Applies the saved settings and wires the controls in `panel`: the
 * A−/A+ buttons and a radio group per choice. */
export function bindDisplay(panel) {
  let settings = loadDisplay();
  const down = panel.querySelector('#size-down');
  const up = panel.querySelector('#size-up');
  const value = panel.querySelector('#size-value');
  const show = () => {
    apply(settings);
    value.textContent = `${settings.size} px`;
    down.disabled = settings.size === SIZES[0];
    up.disabled = settings.size === SIZES.at(-1);
    for (const [name, current] of Object.entries(settings)) {
      for (const input of panel.querySelectorAll(`input[name="${name}"]`)) input.checked = input.value === current;
    }
  };
  const change = (patch) => {
    settings = { ...settings, ...patch };
    save(settings);
    show();
  };
  const step = (by) => {
    const i = SIZES.indexOf(settings.size) + by;
    if (i >= 0 && i < SIZES.length) change({ size: SIZES[i] });
  };
  // Auto follows the system as it changes (a phone at nightfall).
  systemDark.addEventListener('change', () => apply(settings));
  down.addEventListener('click', () => step(-1));
  up.addEventListener('click', () => step(1));
  panel.addEventListener('change', (event) => {
    const input = event.target;
    if (input.type === 'radio' && CHOICES[input.name]?.includes(input.value)) change({ [input.name]: input.value });
  });
  show();
}
