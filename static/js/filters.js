// Progressive enhancement of the library's and the search page's filters (everything works without it):
// the panel starts open on wide screens, a new sort applies at once, and the sort button hides.
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
  if (sort && form) {
    sort.addEventListener("change", function () {
      form.requestSubmit();
    });
  }
})();
