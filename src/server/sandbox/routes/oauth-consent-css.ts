/** The consent page's look: served as a file, since the page's policy allows no inline style. */
export const CONSENT_CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; background: Canvas; color: CanvasText; }
main { max-width: 34rem; margin: 8vh auto; padding: 2rem; border: 1px solid color-mix(in srgb, CanvasText 15%, transparent); border-radius: 10px; }
h1 { font-size: 1.35rem; margin-top: 0; }
.identities { list-style: none; padding: 0; display: grid; gap: .5rem; }
.identities button { width: 100%; text-align: left; display: grid; gap: .15rem; padding: .7rem .9rem; border-radius: 8px; border: 1px solid color-mix(in srgb, CanvasText 20%, transparent); background: color-mix(in srgb, CanvasText 4%, Canvas); color: inherit; font: inherit; cursor: pointer; }
.identities button:hover, .identities button:focus-visible { border-color: #1f73b7; }
.name { font-weight: 600; }
.detail { font-size: .875rem; opacity: .75; }
.other { display: flex; gap: .5rem; align-items: end; margin: 1rem 0; }
.other label { display: grid; gap: .25rem; flex: 1; font-size: .875rem; }
input[type=email] { font: inherit; padding: .45rem .6rem; border-radius: 6px; border: 1px solid color-mix(in srgb, CanvasText 30%, transparent); }
.other button, .deny { font: inherit; padding: .45rem .9rem; border-radius: 6px; border: 1px solid color-mix(in srgb, CanvasText 30%, transparent); background: none; color: inherit; cursor: pointer; }
.problem { color: #cc3340; }
`;
