// Progressive enhancement of the library's and the search page's filters (everything works without it):
// the panel starts open on wide screens, a new sort applies at once, empty fields stay out of the address.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var wide = window.matchMedia("(min-width: 60rem)");
  var panel = document.getElementById("filters");
  if (panel && wide.matches) {
    panel.open = true;
  }
  var sort = document.getElementById("sort-select");
  var form = document.getElementById("filter-form");
  if (form) {
    // Leave unused fields out of the address, so it stays short enough to share.
    form.addEventListener("submit", function () {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name && field.value === "" && field.type !== "submit") {
          field.disabled = true;
        }
      });
    });
    // Coming back with the Back button restores the page as it was left, disabled fields included.
    window.addEventListener("pageshow", function () {
      Array.prototype.forEach.call(form.elements, function (field) {
        field.disabled = false;
      });
    });
  }
  if (sort && form) {
    sort.addEventListener("change", function () {
      form.requestSubmit();
    });
  }
})();
