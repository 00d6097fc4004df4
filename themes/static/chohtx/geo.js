/* Two-level address: when the province select changes, refill the commune select with that
   province's communes from /geo/communes/?province=<code> (marketplace/geo/views.py).
   Without JavaScript the server re-renders the right list after posting. */
(function () {
  "use strict";
  if (window.chohtxGeo) return;
  window.chohtxGeo = true;

  function bind(communes) {
    var province = document.getElementById(communes.getAttribute("data-geo-province-field"));
    if (!province || communes.getAttribute("data-geo-bound")) return;
    communes.setAttribute("data-geo-bound", "1");
    var placeholder = communes.getAttribute("data-geo-placeholder") || "";
    var request = 0;

    function refill() {
      var mine = ++request;
      communes.length = 0;
      communes.add(new Option(placeholder, ""));
      if (!province.value) return;
      communes.setAttribute("aria-busy", "true");
      var url = communes.getAttribute("data-geo-communes") + "?province=" + encodeURIComponent(province.value);
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (list) {
          if (mine !== request) return; // the province changed again meanwhile
          list.forEach(function (commune) {
            communes.add(new Option(commune.name, commune.code));
          });
        })
        .catch(function () { /* the server validates and re-renders the list on submit */ })
        .then(function () {
          if (mine === request) communes.removeAttribute("aria-busy");
        });
    }

    province.addEventListener("change", refill);
    // A province chosen before this script ran (a slow connection, a quick hand) still gets its list.
    if (province.value !== (communes.getAttribute("data-geo-listed") || "")) refill();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-geo-communes]"), bind);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
