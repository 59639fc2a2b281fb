// Notification settings page: turn Web Push on or off for this device.
// The server keeps one row per browser subscription (notifications.views); the service
// worker (/sw.js, which imports sw-push.js) shows the notices. Without support, or with
// push off on the site, the page says so and the per-kind choices still work.
(function () {
  "use strict";
  var box = document.getElementById("push-device");
  if (!box || box.dataset.configured !== "1") return;
  var statusText = box.querySelector("[data-push-status]");
  var onButton = box.querySelector("[data-push-on]");
  var offButton = box.querySelector("[data-push-off]");

  function say(name) {
    statusText.textContent = box.dataset["text" + name];
  }
  function show(on) {
    onButton.hidden = on;
    offButton.hidden = !on;
    say(on ? "On" : "Off");
  }
  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  function post(url, data) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(data)
    }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }
  function applicationServerKey(base64url) {
    var base64 = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = window.atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }
  function registration() {
    return navigator.serviceWorker.getRegistration().then(function (existing) {
      return existing || navigator.serviceWorker.register(box.dataset.swUrl);
    }).then(function () {
      return navigator.serviceWorker.ready;
    });
  }
  function subscribe(reg) {
    var options = { userVisibleOnly: true, applicationServerKey: applicationServerKey(box.dataset.vapidKey) };
    return reg.pushManager.subscribe(options).catch(function () {
      // A subscription made with another key (the site's keys changed): replace it once.
      return reg.pushManager.getSubscription().then(function (old) {
        return old ? old.unsubscribe() : null;
      }).then(function () {
        return reg.pushManager.subscribe(options);
      });
    });
  }

  if (!("serviceWorker" in navigator && "PushManager" in window && "Notification" in window)) {
    say("Unsupported");
    return;
  }
  if (Notification.permission === "denied") {
    say("Denied");
    return;
  }

  onButton.addEventListener("click", function () {
    onButton.disabled = true;
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") {
        say(permission === "denied" ? "Denied" : "Off");
        return null;
      }
      return registration().then(subscribe).then(function (subscription) {
        var data = subscription.toJSON();
        data.language = box.dataset.language;
        return post(box.dataset.subscribeUrl, data);
      }).then(function () { show(true); });
    }).catch(function () {
      say("Failed");
    }).then(function () {
      onButton.disabled = false;
    });
  });

  offButton.addEventListener("click", function () {
    offButton.disabled = true;
    registration().then(function (reg) {
      return reg.pushManager.getSubscription();
    }).then(function (subscription) {
      if (!subscription) return null;
      return post(box.dataset.unsubscribeUrl, { endpoint: subscription.endpoint }).then(function () {
        return subscription.unsubscribe();
      });
    }).then(function () { show(false); }).catch(function () {
      say("Failed");
    }).then(function () {
      offButton.disabled = false;
    });
  });

  // On or off: is this browser's subscription one of this person's (not the last user's)?
  navigator.serviceWorker.getRegistration().then(function (reg) {
    return reg ? reg.pushManager.getSubscription() : null;
  }).then(function (subscription) {
    if (!subscription) return show(false);
    return post(box.dataset.statusUrl, { endpoint: subscription.endpoint }).then(function (data) {
      show(Boolean(data.subscribed));
    });
  }).catch(function () { show(false); });
})();
