// Checkout and order pages: no double submission of "Place order"; the receipt's print button.
(function () {
  "use strict";
  document.querySelectorAll("form").forEach(function (form) {
    var button = form.querySelector("button[data-once]");
    if (!button) return;
    form.addEventListener("submit", function () {
      // Disable after the browser has taken the click, so the form still submits.
      window.setTimeout(function () { button.disabled = true; }, 0);
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
