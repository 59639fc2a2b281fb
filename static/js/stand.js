/* The L'Karfour stand screen (templates/creators/stand.html, issue 19).

   A sale is written to IndexedDB first (static/js/stand-sales.js), with its own id, then
   sent: at once when the network is there, else by Background Sync (where the browser has
   it), at the `online` event, or when the page is opened again. The server records each id
   once, so sending twice is harmless. The page keeps itself for offline use in the shop's
   own cache ("takafamap-stand-<shop id>"), which sign-out deletes (static/js/pwa.js).
*/
(function () {
  "use strict";
  var sales = window.TakafamapSales;
  var configNode = document.getElementById("stand-config");
  if (!sales || !configNode) return;
  var config = JSON.parse(configNode.textContent);
  var strings = document.getElementById("stand-strings").dataset;
  var creator = config.creator;
  var form = document.getElementById("stand-form");
  var list = document.getElementById("stand-local-sales");
  var empty = document.getElementById("stand-local-empty");
  var status = document.getElementById("stand-status");
  var error = document.getElementById("stand-form-error");

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function showStatus(pendingCount) {
    var text = navigator.onLine ? status.dataset.online : status.dataset.offline;
    if (pendingCount) text += " " + status.dataset.waiting.replace("{count}", pendingCount);
    status.textContent = text;
    status.classList.toggle("is-offline", !navigator.onLine);
  }

  function money(value) {
    var number = Number(value);
    return (isNaN(number) ? value : number.toLocaleString(document.documentElement.lang, { maximumFractionDigits: 2 })) + " " + strings.currency;
  }

  function render() {
    return sales.salesOf(creator).then(function (all) {
      list.textContent = "";
      empty.hidden = all.length > 0;
      var pending = 0;
      all.forEach(function (sale) {
        if (sale.state === "pending") pending += 1;
        var item = document.createElement("li");
        item.className = "stand-sale is-" + sale.state + (sale.shortfall ? " is-conflict" : "");
        item.dataset.saleId = sale.id;
        var what = document.createElement("span");
        what.className = "stand-sale-what";
        what.textContent = sale.title + " × " + sale.quantity;
        var cash = document.createElement("span");
        cash.className = "stand-sale-cash";
        cash.textContent = money(sale.cash) + " · " + new Date(sale.recorded_at).toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" });
        var state = document.createElement("span");
        state.className = "stand-sale-state";
        state.textContent = strings[sale.state] || sale.state;
        item.append(what, cash, state);
        if (sale.shortfall && sale.conflict_orders && sale.conflict_orders.length) {
          var conflict = document.createElement("span");
          conflict.className = "stand-sale-conflict";
          conflict.textContent = strings.conflict.replace("{orders}", sale.conflict_orders.join(", "));
          item.append(conflict);
        }
        if (sale.state === "rejected") {
          var reasons = document.createElement("span");
          reasons.className = "stand-sale-conflict";
          var messages = [];
          Object.keys(sale.errors || {}).forEach(function (field) { messages = messages.concat(sale.errors[field]); });
          reasons.textContent = messages.join(" ");
          var remove = document.createElement("button");
          remove.type = "button";
          remove.className = "btn btn-sm btn-outline-secondary";
          remove.textContent = strings["delete"];
          remove.addEventListener("click", function () { sales.remove(sale.id).then(render); });
          item.append(reasons, remove);
        }
        list.append(item);
      });
      showStatus(pending);
    });
  }

  function sendNow() {
    if (!navigator.onLine) return render();
    return sales.send(creator, config.endpoint, csrfToken()).catch(function () {}).then(render);
  }

  function askForSync() {
    if (!navigator.serviceWorker) return Promise.resolve();
    return navigator.serviceWorker.ready.then(function (registration) {
      if (registration.sync) return registration.sync.register(sales.SYNC_TAG);
    }).catch(function () {});
  }

  function keepShell() {
    // The page the service worker shows at the stand without network: this shop's only.
    if (!window.caches || !navigator.onLine) return;
    caches.open("takafamap-stand-" + creator).then(function (cache) {
      return cache.add(new Request(location.pathname, { credentials: "same-origin" }));
    }).catch(function () {});
  }

  if (form) {
    var quantity = form.querySelector("#stand-quantity");
    var cash = form.querySelector("#stand-cash");
    var cashEdited = false;

    function suggestCash() {
      var chosen = form.querySelector('input[name="product"]:checked');
      if (!chosen || cashEdited || !chosen.dataset.price) return;
      var total = Number(chosen.dataset.price) * Number(quantity.value || 0);
      if (!isNaN(total)) cash.value = String(Math.round(total * 100) / 100);
    }

    form.addEventListener("change", function (event) {
      if (event.target.name === "product") suggestCash();
    });
    cash.addEventListener("input", function () { cashEdited = true; });
    quantity.addEventListener("input", suggestCash);
    form.querySelectorAll("[data-step]").forEach(function (button) {
      button.addEventListener("click", function () {
        var next = Math.min(999, Math.max(1, Number(quantity.value || 1) + Number(button.dataset.step)));
        quantity.value = String(next);
        suggestCash();
      });
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector('input[name="product"]:checked');
      var count = Number(quantity.value);
      var amount = cash.value === "" ? NaN : Number(cash.value);
      var phone = form.querySelector("#stand-phone");
      var phoneOk = !phone.value.trim() || /^\+?[0-9][0-9 .\-]{7,18}[0-9]$/.test(phone.value.trim());
      var countOk = count >= 1 && count <= 999 && Math.floor(count) === count;
      var problem = !chosen ? strings.choose
        : !countOk ? strings.quantity
        : !(amount >= 0) ? strings.cash
        : !phoneOk ? strings.phone : "";
      error.textContent = problem;
      if (problem) {
        (!chosen ? form.querySelector('input[name="product"]') : !countOk ? quantity : !(amount >= 0) ? cash : phone).focus();
        return;
      }
      var product = config.products[chosen.value] || {};
      sales.add({
        creator: creator,
        product: Number(chosen.value),
        title: product.title || "",
        quantity: count,
        cash: amount.toFixed(2),
        phone: form.querySelector("#stand-phone").value.trim(),
      }).then(function () {
        form.reset();
        quantity.value = "1";
        cashEdited = false;
        status.textContent = strings.saved;
        return render();
      }).then(function () {
        askForSync();
        return sendNow();
      });
    });
  }

  window.addEventListener("online", sendNow);
  window.addEventListener("offline", render);
  navigator.serviceWorker && navigator.serviceWorker.addEventListener("message", render);
  sales.setCurrent(creator, config.endpoint, csrfToken()).then(function () {
    keepShell();
    return sendNow();
  });
})();
