/* Oscar's templates that we do not override (address book, wish lists, parts of checkout)
 * still use Bootstrap 4's data attributes: copy them to Bootstrap 5's names so their
 * dropdowns, modals and alerts work with the site's Bootstrap 5. Messages that Oscar's JS
 * adds after an AJAX basket update get the same Bootstrap 5 markup as the others.
 * Loaded by templates/oscar/partials/extrascripts.html (no inline script: CSP). */
(function () {
  "use strict";
  var script = document.currentScript;
  var closeLabel = (script && script.dataset.closeLabel) || "Close";
  document.querySelectorAll("[data-toggle], [data-dismiss], [data-target], [data-slide], [data-slide-to]").forEach(function (el) {
    ["toggle", "dismiss", "target", "slide", "slide-to"].forEach(function (name) {
      var value = el.getAttribute("data-" + name);
      if (value !== null && !el.hasAttribute("data-bs-" + name)) {
        el.setAttribute("data-bs-" + name, value);
      }
    });
  });
  if (window.oscar && window.oscar.messages && window.jQuery) {
    var $ = window.jQuery;
    window.oscar.messages.addMessage = function (tag, msg) {
      var close = $('<button type="button" class="btn-close" data-bs-dismiss="alert"></button>').attr("aria-label", closeLabel);
      var alert = $('<div class="alert alert-dismissible fade show"></div>')
        .addClass("alert-" + tag)
        .attr("role", tag === "danger" || tag === "warning" ? "alert" : "status")
        .html(msg)
        .append(close);
      $("#messages").append(alert);
    };
  }
  // Oscar's basket page re-renders only its content after an AJAX update: take the
  // header's basket count from the fresh content too, so it never stays stale.
  if (window.oscar && window.oscar.basket && window.oscar.basket.submitFormSuccess) {
    var rendered = window.oscar.basket.submitFormSuccess;
    window.oscar.basket.submitFormSuccess = function (data) {
      rendered.apply(this, arguments);
      var fresh = document.getElementById("basket-count-update");
      var count = document.getElementById("header-basket-count");
      if (fresh && count) {
        count.innerHTML = fresh.innerHTML;
      }
    };
  }
})();
