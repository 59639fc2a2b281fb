// Submits the forms marked data-autosubmit once the page has loaded: the signed form to the
// CMI payment page, and the CMI simulator's return to the shop. Each form keeps a visible
// button for browsers without scripts.
(function () {
  "use strict";
  function submitAll() {
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
      if (form.dataset.submitted) return;
      form.dataset.submitted = "1";
      form.submit();
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", submitAll);
  } else {
    submitAll();
  }
})();
