/* A stand-in for https://js.stripe.com/v3 in browser tests (served with Playwright's
 * page.route): the same calls as Stripe.js, a plain card field, and confirmPayment sending
 * the client to the return URL as Stripe does after a successful payment. */
(function () {
  "use strict";
  window.Stripe = function (publishableKey) {
    window.__fakeStripe = { publishableKey: publishableKey };
    return {
      elements: function (options) {
        window.__fakeStripe.clientSecret = options.clientSecret;
        return {
          create: function (type) {
            var handlers = {};
            return {
              mount: function (target) {
                var box = typeof target === "string" ? document.querySelector(target) : target;
                box.innerHTML =
                  '<label for="fake-card">Card number</label>' +
                  '<input id="fake-card" class="form-control" autocomplete="cc-number">';
                setTimeout(function () {
                  if (handlers.ready) handlers.ready();
                }, 0);
              },
              on: function (name, handler) {
                handlers[name] = handler;
              }
            };
          }
        };
      },
      confirmPayment: function (options) {
        var number = document.getElementById("fake-card").value.replace(/\s/g, "");
        if (number === "4000000000000002") {
          return Promise.resolve({ error: { message: "Your card was declined." } });
        }
        var intent = window.__fakeStripe.clientSecret.split("_secret_")[0];
        window.location.href = options.confirmParams.return_url +
          "?payment_intent=" + intent + "&redirect_status=succeeded";
        return new Promise(function () {});
      }
    };
  };
})();
