/* Takafamap: small progressive enhancements. The site works without this file. */
(function () {
  "use strict";

  // Escape closes the phone menu and gives focus back to its toggle button.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !window.bootstrap) {
      return;
    }
    var open = document.querySelector(".site-header .navbar-collapse.show");
    if (!open) {
      return;
    }
    window.bootstrap.Collapse.getOrCreateInstance(open).hide();
    var toggler = document.querySelector('[aria-controls="' + open.id + '"]');
    if (toggler) {
      toggler.focus();
    }
  });
})();
