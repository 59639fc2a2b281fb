/* Search page: open the facets on wide screens, keep the active tab in view, and fill the
 * search box's datalist from /<lang>/search/suggest. Loaded by templates/sitesearch/search.html. */
(function () {
  "use strict";
  var facets = document.querySelector(".search-facets"), active = document.querySelector(".search-tabs .active");
  if (facets && window.matchMedia("(min-width: 992px)").matches) facets.open = true;
  if (active) active.scrollIntoView({ block: "nearest", inline: "nearest" });
  var input = document.getElementById("search-page-q"), list = document.getElementById("search-suggestions"), timer;
  if (!input || !list || !window.fetch) return;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(function () {
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(q)).then(function (r) { return r.json(); }).then(function (data) {
        list.replaceChildren.apply(list, data.results.map(function (item) { var o = document.createElement("option"); o.value = item.title; return o; }));
      }).catch(function () {});
    }, 200);
  });
})();
