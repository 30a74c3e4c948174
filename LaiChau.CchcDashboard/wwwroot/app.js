// Small helpers the Blazor components call through JS interop.
window.cchc = {
  // Marks the page once the interactive circuit has rendered; end-to-end tests wait for it.
  markInteractive: () => { document.body.dataset.interactive = 'true'; }
};
