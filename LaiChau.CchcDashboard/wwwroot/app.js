// Small helpers the Blazor components call through JS interop.
window.cchc = {
  // Marks the page once the interactive circuit has rendered; end-to-end tests wait for it.
  markInteractive: () => { document.body.dataset.interactive = 'true'; },
  // A copy of an unsaved form in this browser, so a lost connection does not lose what was typed.
  saveDraft: (key, json) => { try { localStorage.setItem(key, json); } catch { /* storage full or disabled */ } },
  loadDraft: (key) => { try { return localStorage.getItem(key); } catch { return null; } },
  clearDraft: (key) => { try { localStorage.removeItem(key); } catch { /* ignore */ } },
  // Length and FNV-1a hash of each [data-field] text in a form, so the server can tell whether
  // what the user sees has reached it (FormSync.cs); the text itself is not sent again.
  fieldStates: (formId) => cchc.fieldInputs(formId).map(({ field, input }) => {
    const text = input.value.replace(/\r\n?/g, '\n');
    let hash = 2166136261;
    for (let i = 0; i < text.length; i++) { hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0; }
    return { field, length: text.length, hash };
  }),
  // Sends the named fields' values again, as the browser does when a field loses focus.
  resendFields: (formId, fields) => cchc.fieldInputs(formId)
    .filter(f => fields.includes(f.field))
    .forEach(f => f.input.dispatchEvent(new Event('change', { bubbles: true }))),
  fieldInputs: (formId) => {
    const form = document.getElementById(formId);
    if (!form) { return []; }
    return [...form.querySelectorAll('[data-field]')]
      .map(el => ({ field: el.dataset.field, input: el.matches('input, textarea') ? el : el.querySelector('input, textarea') }))
      .filter(f => f.input);
  }
};
