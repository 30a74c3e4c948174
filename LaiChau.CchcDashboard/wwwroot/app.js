// Small helpers the Blazor components call through JS interop.
window.cchc = {
  // Marks the page once the interactive circuit has rendered; end-to-end tests wait for it.
  markInteractive: () => { document.body.dataset.interactive = 'true'; },
  // A copy of an unsaved form in this browser, so a lost connection does not lose what was typed.
  saveDraft: (key, json) => { try { localStorage.setItem(key, json); } catch { /* storage full or disabled */ } },
  loadDraft: (key) => { try { return localStorage.getItem(key); } catch { return null; } },
  clearDraft: (key) => { try { localStorage.removeItem(key); } catch { /* ignore */ } }
};
