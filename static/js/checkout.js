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
  // First step: the password field only for "I am a returning customer".
  var gateway = document.querySelector("form.checkout-gateway");
  if (gateway) {
    var password = gateway.querySelector("input[name$='password']");
    var wrapper = password && password.closest(".mb-3");
    var sync = function () {
      var chosen = gateway.querySelector("input[name$='options']:checked");
      wrapper.hidden = !(chosen && chosen.value === "existing") && !wrapper.classList.contains("has-error");
    };
    if (wrapper) {
      gateway.querySelectorAll("input[name$='options']").forEach(function (radio) {
        radio.addEventListener("change", sync);
      });
      sync();
    }
  }
})();
