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

  // Search boxes with suggestions (the header's and the search page's): an input with
  // data-suggest-url fills its datalist from /<lang>/search/suggest; a product shows its
  // creator beside its title, and each title and creator once.
  document.querySelectorAll("input[data-suggest-url][list]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list")), timer;
    if (!list || !window.fetch) {
      return;
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) {
        return;
      }
      timer = setTimeout(function () {
        fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(q))
          .then(function (response) { return response.json(); })
          .then(function (data) {
            var seen = {};
            var options = [];
            data.results.forEach(function (item) {
              var key = item.title + "\u0000" + (item.creator || "");
              if (seen[key]) {
                return;
              }
              seen[key] = true;
              var option = document.createElement("option");
              option.value = item.title;
              if (item.creator) {
                option.label = item.creator;
              }
              options.push(option);
            });
            list.replaceChildren.apply(list, options);
          })
          .catch(function () {});
      }, 200);
    });
  });
})();
