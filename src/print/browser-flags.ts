/** The command-line flags of the browsers a session launches (browser-session.ts). */

/** Flags that keep the browser off the network and quiet; Puppeteer's own defaults come on top. */
export const BROWSER_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--dns-prefetch-disable',
  '--enable-features=NetworkServiceInProcess2',
  '--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions',
];

/**
 * For a browser that only prints: printing draws to PDF, never to a screen, so a GPU (the bundled
 * Chromium's is SwiftShader, in software) only composites frames nobody sees, 1.4 s of the
 * browser's 4.2 s in a 100-agency build. The PDFs come out byte for byte the same without it. A
 * browser that shows pages on a screen (the web page's tests) keeps it: scrolling and sticky
 * table headers are composited there as in the browsers people read the portal with.
 */
export const PRINT_ONLY_FLAGS = [
  '--disable-gpu',
  '--disable-gpu-compositing',
  // Nor does a page need a compositor thread of its own, drawing frames of the screen beside its
  // main thread: the renderers of a 100-agency build took 0.7 s less CPU without it (7.9 → 7.2 s),
  // the browser 0.1 s less, each print as long as before, and the PDFs are byte for byte the same.
  '--disable-threaded-compositing',
  // Pages collect their garbage with gc(), one full collection (renderer-memory.ts).
  '--js-flags=--expose-gc',
];
