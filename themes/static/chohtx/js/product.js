/* Product page: the "1/3" counter follows the swiped picture; − and + change the quantity. */
(function () {
  "use strict";
  document.querySelectorAll("[data-gallery]").forEach(function (gallery) {
    var track = gallery.querySelector("[data-gallery-track]");
    var current = gallery.querySelector("[data-gallery-current]");
    if (!track || !current) return;
    track.addEventListener("scroll", function () {
      var index = Math.round(track.scrollLeft / Math.max(1, track.clientWidth));
      current.textContent = String(index + 1);
    }, { passive: true });
  });
  document.querySelectorAll("[data-stepper]").forEach(function (stepper) {
    var input = stepper.querySelector("input");
    stepper.querySelectorAll("[data-step]").forEach(function (button) {
      button.addEventListener("click", function () {
        var min = Number(input.min) || 1;
        var max = Number(input.max) || 99;
        var value = (Number(input.value) || min) + Number(button.dataset.step);
        input.value = String(Math.min(max, Math.max(min, value)));
      });
    });
  });
})();
