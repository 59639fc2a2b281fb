/* Search page: open the facets on wide screens and keep the active tab in view (its box's
 * suggestions come from site.js, like the header's). Loaded by templates/sitesearch/search.html. */
(function () {
  "use strict";
  var facets = document.querySelector(".search-facets"), active = document.querySelector(".search-tabs .active");
  if (facets && window.matchMedia("(min-width: 992px)").matches) facets.open = true;
  if (active) active.scrollIntoView({ block: "nearest", inline: "nearest" });
})();
