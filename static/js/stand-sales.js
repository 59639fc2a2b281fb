/* Market sales kept on the phone until the server has them (the stand screen, issue 19).

   Loaded by the stand page, by pwa.js's pages (signed in) and by the service worker
   (importScripts): one API on `self` (the window or the worker), `self.TakafamapSales`.

   IndexedDB "takafamap-stand":
   - "sales" (key: the sale's own id, a UUID the phone makes): one sale with its creator's
     shop id and its state: "pending" (not sent yet), "sent" (the server has it) or
     "rejected" (the server refused it, with its reasons). Signing out never deletes them:
     they are sent at the next sign-in of the same shop.
   - "meta": "current" (the shop last signed in on this phone) and "shop:<id>" (where to send
     its sales and the CSRF token the page last had), so Background Sync can send them.
*/
(function (scope) {
  "use strict";

  var DB_NAME = "takafamap-stand";
  var SYNC_TAG = "takafamap-market-sales";

  function request(req) {
    return new Promise(function (resolve, reject) {
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  var opening = null;
  function open() {
    if (!opening) {
      var req = scope.indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = function () {
        var db = req.result;
        var sales = db.createObjectStore("sales", { keyPath: "id" });
        sales.createIndex("creator", "creator");
        db.createObjectStore("meta", { keyPath: "key" });
      };
      opening = request(req);
    }
    return opening;
  }

  function store(name, mode) {
    return open().then(function (db) {
      return db.transaction(name, mode).objectStore(name);
    });
  }

  function put(name, value) {
    return store(name, "readwrite").then(function (s) { return request(s.put(value)); });
  }

  function get(name, key) {
    return store(name, "readonly").then(function (s) { return request(s.get(key)); });
  }

  function salesOf(creator) {
    return store("sales", "readonly").then(function (s) {
      return request(s.index("creator").getAll(String(creator)));
    }).then(function (sales) {
      return sales.sort(function (a, b) { return a.recorded_at < b.recorded_at ? 1 : -1; });
    });
  }

  function pendingOf(creator) {
    return salesOf(creator).then(function (sales) {
      return sales.filter(function (sale) { return sale.state === "pending"; });
    });
  }

  function newId() {
    if (scope.crypto && scope.crypto.randomUUID) return scope.crypto.randomUUID();
    var bytes = scope.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function add(sale) {
    sale.id = sale.id || newId();
    sale.creator = String(sale.creator);
    sale.state = "pending";
    sale.recorded_at = sale.recorded_at || new Date().toISOString();
    return put("sales", sale).then(function () { return sale; });
  }

  function setCurrent(creator, endpoint, csrf) {
    creator = String(creator);
    return put("meta", { key: "current", creator: creator }).then(function () {
      return put("meta", { key: "shop:" + creator, endpoint: endpoint, csrf: csrf });
    });
  }

  function forgetCurrent() {
    return put("meta", { key: "current", creator: "" });
  }

  function currentCreator() {
    return get("meta", "current").then(function (meta) { return meta ? meta.creator : ""; });
  }

  var sending = {};

  /* Send the shop's pending sales; resolves with the number the server confirmed, rejects
     when they could not be sent (no network, signed out, another account): they stay
     pending. A 400 marks the refused sales "rejected" (with the reasons) and sends the rest. */
  function send(creator, endpoint, csrf) {
    creator = String(creator);
    if (!sending[creator]) {
      sending[creator] = sendOnce(creator, endpoint, csrf, 2).then(
        function (count) { delete sending[creator]; return count; },
        function (error) { delete sending[creator]; throw error; }
      );
    }
    return sending[creator];
  }

  function sendOnce(creator, endpoint, csrf, attempts) {
    return pendingOf(creator).then(function (pending) {
      if (!pending.length) return 0;
      var body = {
        creator: creator,
        sales: pending.map(function (sale) {
          return {
            id: sale.id, product: sale.product, quantity: sale.quantity, cash: sale.cash,
            phone: sale.phone || "", recorded_at: sale.recorded_at,
          };
        }),
      };
      return fetch(endpoint, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf || "" },
        body: JSON.stringify(body),
      }).then(function (response) {
        if (response.ok) {
          return response.json().then(function (data) {
            var byId = {};
            pending.forEach(function (sale) { byId[sale.id] = sale; });
            return Promise.all(data.sales.map(function (result) {
              var sale = byId[result.id];
              if (!sale) return null;
              sale.state = "sent";
              sale.shortfall = result.shortfall;
              sale.conflict_orders = result.conflict_orders;
              return put("sales", sale);
            })).then(function () { return data.sales.length; });
          });
        }
        if (response.status === 400) {
          return response.json().then(function (data) {
            var errors = data.errors || {};
            var refused = pending.filter(function (sale) { return errors[sale.id]; });
            if (!refused.length) throw new Error("refused: " + JSON.stringify(errors));
            return Promise.all(refused.map(function (sale) {
              sale.state = "rejected";
              sale.errors = errors[sale.id];
              return put("sales", sale);
            })).then(function () {
              return attempts > 1 ? sendOnce(creator, endpoint, csrf, attempts - 1) : 0;
            });
          });
        }
        throw new Error("not sent: " + response.status);
      });
    });
  }

  /* What Background Sync calls: the pending sales of the shop last signed in here. */
  function sendCurrent() {
    return currentCreator().then(function (creator) {
      if (!creator) return 0;
      return get("meta", "shop:" + creator).then(function (meta) {
        if (!meta) return 0;
        return send(creator, meta.endpoint, meta.csrf);
      });
    });
  }

  function remove(id) {
    return store("sales", "readwrite").then(function (s) { return request(s.delete(id)); });
  }

  scope.TakafamapSales = {
    SYNC_TAG: SYNC_TAG,
    add: add,
    remove: remove,
    salesOf: salesOf,
    pendingOf: pendingOf,
    setCurrent: setCurrent,
    forgetCurrent: forgetCurrent,
    currentCreator: currentCreator,
    send: send,
    sendCurrent: sendCurrent,
  };
})(self);
