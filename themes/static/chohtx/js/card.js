/* Card payment page: Stripe's Payment Element in #payment-element (Stripe's own script, loaded
   before this one with defer). The webhook, not this page, marks the order paid. */
(function () {
  "use strict";
  var form = document.getElementById("payment-form");
  if (!form || typeof window.Stripe === "undefined") return;
  var stripe = window.Stripe(form.getAttribute("data-key"));
  var elements = stripe.elements({ clientSecret: form.getAttribute("data-client-secret") });
  elements.create("payment").mount("#payment-element");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    stripe.confirmPayment({ elements: elements, confirmParams: { return_url: form.getAttribute("data-return-url") } })
      .then(function (result) {
        if (result.error) document.getElementById("payment-message").textContent = result.error.message;
      });
  });
})();
