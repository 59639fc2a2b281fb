/* The installable app, on the page side (issue 19).

   <script src="pwa.js" defer id="pwa-script" data-sw="/sw.js" data-register="1|"
           data-creator="<shop id or empty>" data-endpoint="<stand sales URL>"
           data-unsent="<confirmation text with {count}>">

   - Registers the service worker in the creator space (data-register="1"); elsewhere it
     only tidies up after one already installed.
   - The stand screen's shell is the one signed-in page kept for offline use, under its
     shop's key: any page seen by another account, or signed out, deletes it. Sign-out asks
     first when sales of the stand have not been sent yet; they stay on the phone (never
     deleted here) and are sent at the next sign-in of the same shop.
*/
(function () {
  "use strict";
  var script = document.getElementById("pwa-script");
  if (!script || !("serviceWorker" in navigator)) return;
  var creator = script.dataset.creator || "";
  var STAND_CACHE_PREFIX = "takafamap-stand-";
  var sales = window.TakafamapSales;

  function dropStandShells(keep) {
    if (!window.caches) return Promise.resolve();
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(STAND_CACHE_PREFIX) === 0 && name !== (keep ? STAND_CACHE_PREFIX + keep : "");
      }).map(function (name) { return caches.delete(name); }));
    });
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function register() {
    return navigator.serviceWorker.register(script.dataset.sw, { scope: "/" });
  }
  // Other features (e.g. the push opt-in, for clients too) register the same worker through
  // this rather than a copy of the URL: TakafamapPWA.register().then((registration) => …).
  window.TakafamapPWA = { register: register };

  if (script.dataset.register === "1") {
    register().catch(function () {});
  }
  if (script.dataset.register === "1" || navigator.serviceWorker.controller) {
    dropStandShells(creator);
    if (sales) {
      if (creator && script.dataset.endpoint) {
        // Signed in again as this shop: send what waited on the phone.
        sales.setCurrent(creator, script.dataset.endpoint, csrfToken()).then(function () {
          if (navigator.onLine) return sales.send(creator, script.dataset.endpoint, csrfToken());
        }).catch(function () {});
      } else {
        sales.forgetCurrent().catch(function () {});
      }
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.action || !/\/accounts\/logout\/$/.test(new URL(form.action, location.href).pathname)) return;
    if (form.dataset.pwaChecked === "1") return;
    event.preventDefault();
    var pending = sales && creator ? sales.pendingOf(creator) : Promise.resolve([]);
    pending.catch(function () { return []; }).then(function (list) {
      if (list.length && !window.confirm((script.dataset.unsent || "").replace("{count}", list.length))) return;
      var forget = sales ? sales.forgetCurrent().catch(function () {}) : Promise.resolve();
      return Promise.all([forget, dropStandShells("")]).then(function () {
        form.dataset.pwaChecked = "1";
        form.submit();
      });
    });
  }, true);
})();
