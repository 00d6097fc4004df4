/* Suggestions as you type in the header search box: products, cooperatives, categories.
   Plain JS (no framework); asks /search/suggest/?q= 150 ms after the last key press. */
(function () {
  "use strict";
  var input = document.getElementById("id_q");
  var box = document.getElementById("chohtx-suggest");
  if (!input || !box || !window.fetch) { return; }
  var timer = null, last = "", controller = null;

  function close() { box.hidden = true; box.innerHTML = ""; input.setAttribute("aria-expanded", "false"); }

  function section(title, items, render) {
    if (!items || !items.length) { return ""; }
    // A listbox holds only groups of options: the group's title is drawn by CSS from data-title.
    return '<div role="group" aria-label="' + escape(title) + '" data-title="' + escape(title) + '">' +
      items.map(render).join("") + "</div>";
  }

  function escape(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }

  function link(url, label, extra) {
    if (!url) { return ""; }
    return '<a role="option" href="' + escape(url) + '"><span>' + escape(label) + "</span>" +
      (extra ? '<span class="' + extra[0] + '">' + escape(extra[1]) + "</span>" : "") + "</a>";
  }

  function show(data) {
    var html = section(input.dataset.labelProducts, data.products, function (p) { return link(p.url, p.title, ["price", p.price]); }) +
      section(input.dataset.labelCooperatives, data.cooperatives, function (c) { return link(c.url, c.name, ["muted", c.area]); }) +
      section(input.dataset.labelCategories, data.categories, function (c) { return link(c.url, c.name); });
    if (!html) { close(); return; }
    box.innerHTML = html;
    box.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function ask() {
    var q = input.value.trim();
    if (q === last) { return; }
    last = q;
    if (q.length < 2) { close(); return; }
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(q), controller ? { signal: controller.signal } : {})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && data.q === q) { show(data); } })
      .catch(function () { /* suggestions are a convenience: stay silent */ });
  }

  function move(step) {
    var options = Array.prototype.slice.call(box.querySelectorAll("a"));
    if (!options.length) { return; }
    var current = options.findIndex(function (a) { return a.getAttribute("aria-selected") === "true"; });
    options.forEach(function (a) { a.removeAttribute("aria-selected"); });
    var next = (current + step + options.length) % options.length;
    options[next].setAttribute("aria-selected", "true");
    options[next].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(ask, 150); });
  input.addEventListener("keydown", function (event) {
    if (box.hidden) { return; }
    if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
    else if (event.key === "Escape") { close(); }
    else if (event.key === "Enter") {
      var chosen = box.querySelector('a[aria-selected="true"]');
      if (chosen) { event.preventDefault(); window.location.href = chosen.href; }
    }
  });
  document.addEventListener("click", function (event) {
    if (!box.contains(event.target) && event.target !== input) { close(); }
  });
})();
