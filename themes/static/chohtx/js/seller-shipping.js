/* Seller centre, shipping settings: show only the parts that apply (delivery, the province list,
   pickup) and refresh the sentence buyers will read as the form changes. Without JavaScript every
   part stays visible and the sentence is updated when the form is saved. */
(function () {
  "use strict";

  var form = document.getElementById("shipping-form");
  var sentence = document.getElementById("shipping-sentence");
  if (!form || !sentence) return;
  var timer = null;

  function checked(name) {
    var input = form.querySelector('input[name="' + name + '"]');
    return Boolean(input && input.checked);
  }

  function show(part, visible) {
    var node = form.querySelector('[data-shipping-part="' + part + '"]');
    if (node) node.hidden = !visible;
  }

  function toggle() {
    var coverage = form.querySelector('input[name="coverage"]:checked');
    show("delivery", checked("delivers"));
    show("provinces", Boolean(coverage && coverage.value === "some"));
    show("pickup", checked("pickup"));
  }

  function refresh() {
    var data = new FormData(form);
    data.delete("csrfmiddlewaretoken");
    data.delete("local_products");
    var url = form.getAttribute("data-preview-url") + "?" + new URLSearchParams(data).toString();
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) { if (body && body.sentence) sentence.textContent = body.sentence; })
      .catch(function () { /* keep the last sentence */ });
  }

  function changed() {
    toggle();
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 250);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  toggle();
})();
