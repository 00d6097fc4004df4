/* VietQR block: "Sao chép" buttons copy the account number, amount or transfer note.
   Without JavaScript the buttons stay hidden and the text itself is selectable. */
(function () {
  "use strict";

  function announce(button, text) {
    var block = button.closest(".vqr");
    var status = block && block.querySelector(".vqr__status");
    if (status) status.textContent = text;
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  document.querySelectorAll(".vqr__copy[data-copy]").forEach(function (button) {
    var label = button.textContent;
    var copied = button.getAttribute("data-copied") || "Đã chép";
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      copy(text).then(function () {
        button.textContent = copied + " ✓";
        button.classList.add("vqr__copy--done");
        announce(button, copied + ": " + text);
        window.setTimeout(function () {
          button.textContent = label;
          button.classList.remove("vqr__copy--done");
        }, 2000);
      }, function () {
        var value = button.parentNode.querySelector(".vqr__value");
        if (value && window.getSelection) {
          var range = document.createRange();
          range.selectNodeContents(value);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }
      });
    });
  });
})();
