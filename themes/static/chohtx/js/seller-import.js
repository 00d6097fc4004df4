/* Seller centre, product import: while the import runs, ask the server how far it has got every
   second and move the progress bar; when it has finished (or failed), reload to show the summary.
   Without JavaScript the page refreshes itself every few seconds instead (a <noscript> meta). */
(function () {
  "use strict";

  var card = document.getElementById("import-progress-card");
  var bar = document.getElementById("import-progress");
  var done = document.getElementById("import-done");
  if (!card || !bar || !done) return;
  var url = card.getAttribute("data-status-url");

  function show(state) {
    bar.value = state.percent;
    bar.textContent = state.percent + "%";
    if (state.done !== null) done.textContent = String(state.done);
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) {
          window.setTimeout(poll, 3000);
          return;
        }
        show(state);
        if (state.status === "queued" || state.status === "running") {
          window.setTimeout(poll, 1000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }

  window.setTimeout(poll, 1000);
})();
