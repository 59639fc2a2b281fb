// Web Push handlers, imported by the service worker (/sw.js: importScripts of this file).
// The server (notifications.delivery) sends JSON: title, body, url, icon, lang, dir, tag.
/* global self, clients */
(function () {
  "use strict";
  var RESUBSCRIBE_URL = "/push/resubscribe/";

  self.addEventListener("push", function (event) {
    var data = {};
    try {
      data = event.data ? event.data.json() : {};
    } catch (error) {
      data = { body: event.data ? event.data.text() : "" };
    }
    var options = {
      body: data.body || "",
      icon: data.icon,
      lang: data.lang || "",
      dir: data.dir || "auto",
      tag: data.tag,
      data: { url: data.url || "/" }
    };
    event.waitUntil(self.registration.showNotification(data.title || "Takafamap", options));
  });

  self.addEventListener("notificationclick", function (event) {
    event.notification.close();
    var target = new URL((event.notification.data && event.notification.data.url) || "/", self.location.origin).href;
    event.waitUntil(
      clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
        for (var i = 0; i < windows.length; i += 1) {
          if (windows[i].url === target && "focus" in windows[i]) return windows[i].focus();
        }
        return clients.openWindow(target);
      })
    );
  });

  function base64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = "";
    for (var i = 0; i < bytes.length; i += 1) text += String.fromCharCode(bytes[i]);
    return self.btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // The browser renewed (or dropped) the subscription: subscribe again with the same key and
  // tell the server, proving the device with the old endpoint and auth secret.
  self.addEventListener("pushsubscriptionchange", function (event) {
    var old = event.oldSubscription;
    if (!old) return; // nothing to prove with: the settings page re-subscribes at next visit
    var renewed = event.newSubscription
      ? Promise.resolve(event.newSubscription)
      : self.registration.pushManager.subscribe(old.options);
    event.waitUntil(
      renewed.then(function (subscription) {
        var data = subscription.toJSON();
        data.old_endpoint = old.endpoint;
        data.old_auth = base64url(old.getKey("auth"));
        return fetch(RESUBSCRIBE_URL, {
          method: "POST",
          credentials: "omit",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(data)
        });
      })
    );
  });
})();
