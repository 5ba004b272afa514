// Site-wide progressive enhancement (the site works without it): marks that scripts run, and opens the
// header menu on wide screens, where it is shown as a plain row of links.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var menu = document.getElementById("site-menu");
  var wide = window.matchMedia("(min-width: 60rem)");
  function fit() {
    if (menu) {
      menu.open = wide.matches;
    }
  }
  fit();
  wide.addEventListener("change", fit);
})();
