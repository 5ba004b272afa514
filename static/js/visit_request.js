// Study-visit request form, progressive enhancement only (the form works without it; strict CSP: no inline
// script). 1. After a refused submit, focus the error summary so it is read out first, and make its links
// move the focus into the field. 2. Filter the listed practices as the visitor types. 3. Run the practice
// search in place, so whatever was typed elsewhere in the form is kept and ticked practices stay ticked.
(() => {
  "use strict";

  const summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    summary.addEventListener("click", (event) => {
      const link = event.target.closest("a[href^='#']");
      const target = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!target) return;
      // A group of boxes (fieldset) cannot take the focus: give it to its first control.
      const control = target.matches("input, select, textarea")
        ? target
        : target.querySelector("input:not([type=hidden]), select, textarea");
      if (!control) return;
      event.preventDefault();
      target.scrollIntoView({ block: "center" });
      control.focus({ preventScroll: true });
    });
  }

  const box = document.querySelector("[data-practice-filter]");
  const searchForm = document.getElementById("practice-search");
  if (!box || !searchForm) return;
  const status = document.querySelector("[data-practice-status]");
  let options = document.querySelector("[data-practice-options]");

  // Turkish-aware folding, the same idea as portal.text.fold: "ÇOCUK", "Çocuk" and "cocuk" match alike.
  const fold = (text) =>
    text
      .toLocaleLowerCase("tr")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/ı/g, "i")
      .replace(/['\u2019]/g, "");

  const filterHint = status ? status.textContent : "";
  const filter = () => {
    const words = fold(box.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    options.querySelectorAll("[data-practice-group]").forEach((group) => {
      const theme = fold(group.querySelector("legend").textContent);
      let visible = 0;
      group.querySelectorAll("[data-practice-option]").forEach((item) => {
        const text = `${fold(item.textContent)} ${theme}`;
        const match = words.every((word) => text.includes(word));
        item.hidden = !match;
        if (match) visible += 1;
      });
      group.hidden = visible === 0;
      shown += visible;
    });
    if (status) {
      // The label comes translated from the page (data-shown-label).
      status.textContent = words.length ? `${status.dataset.shownLabel}: ${shown}` : filterHint;
    }
  };
  box.addEventListener("input", filter);

  searchForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    params.set(box.name, box.value);
    const ticked = options.querySelectorAll("input[type=checkbox]:checked");
    ticked.forEach((input) => params.append("practice", input.value));
    try {
      const response = await fetch(`${searchForm.action}?${params}`, { credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.querySelector("[data-practice-options]");
      const freshStatus = page.querySelector("[data-practice-status]");
      if (!fresh) throw new Error("no practice list in the answer");
      options.replaceWith(fresh);
      options = fresh;
      if (status && freshStatus) status.textContent = freshStatus.textContent.trim();
    } catch (error) {
      // Fall back to the plain search (a new page), which still works.
      searchForm.submit();
    }
  });
})();
