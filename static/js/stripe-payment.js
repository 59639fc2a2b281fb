/* Takafamap: the card payment page (templates/payment/card.html).
 *
 * Mounts Stripe's Payment Element with the PaymentIntent's client secret read from the
 * form's data- attributes, then confirms the payment in the browser. Stripe sends the client
 * back to data-return-url; only the server's webhook marks the order paid.
 */
(function () {
  "use strict";

  var form = document.getElementById("card-payment-form");
  if (!form) {
    return;
  }
  var message = document.getElementById("payment-message");
  var button = document.getElementById("payment-submit");
  var container = document.getElementById("payment-element");

  function showError(text) {
    message.textContent = text;
    message.classList.remove("d-none");
  }

  if (typeof window.Stripe !== "function") {
    showError(form.dataset.unavailable || "");
    return;
  }

  var stripe = window.Stripe(form.dataset.publishableKey, { locale: form.dataset.locale || "auto" });
  var elements = stripe.elements({ clientSecret: form.dataset.clientSecret });
  var paymentElement = elements.create("payment");
  container.textContent = "";
  paymentElement.mount(container);
  if (typeof paymentElement.on === "function") {
    paymentElement.on("ready", function () {
      button.disabled = false;
    });
  } else {
    button.disabled = false;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (button.disabled) {
      return;
    }
    button.disabled = true;
    message.classList.add("d-none");
    stripe
      .confirmPayment({
        elements: elements,
        confirmParams: { return_url: form.dataset.returnUrl }
      })
      .then(function (result) {
        // Reached only when the payment could not be confirmed (otherwise Stripe redirects).
        if (result && result.error) {
          showError(result.error.message || "");
        }
        button.disabled = false;
      });
  });
})();
