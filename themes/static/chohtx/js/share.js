/* Share bar: "Sao chép liên kết" puts the page's address on the clipboard (sharing/share.html). */
(function () {
  "use strict";
  if (window.chohtxShare) return; // the include may appear more than once on a page
  window.chohtxShare = true;
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var done = document.execCommand("copy");
    document.body.removeChild(field);
    return done ? Promise.resolve() : Promise.reject(new Error("copy"));
  }
  function init() {
    document.querySelectorAll("[data-share]").forEach(function (bar) {
      var button = bar.querySelector("[data-share-copy]");
      var status = bar.querySelector("[data-share-status]");
      var shown = bar.querySelector("[data-share-url]");
      if (!button) return;
      button.hidden = false;
      if (shown) shown.hidden = true;
      button.addEventListener("click", function () {
        copy(button.dataset.shareCopy).then(function () {
          if (status) status.textContent = status.dataset.done;
          button.classList.add("is-done");
        }, function () {
          if (shown) shown.hidden = false;
        });
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
