/* The page frame: header menus (<details>) close on a tap outside or Escape; the filter drawer opens
   from "Lọc" and closes with ×, Escape or a tap on the shade. Plain JS, no framework. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var menus = document.querySelectorAll("details.menu");
  function closeMenus(except) {
    menus.forEach(function (menu) { if (menu !== except) { menu.removeAttribute("open"); } });
  }
  menus.forEach(function (menu) {
    menu.addEventListener("toggle", function () { if (menu.open) { closeMenus(menu); } });
  });

  var drawer = document.querySelector("[data-drawer]");
  var opener = document.querySelector("[data-drawer-open]");
  function drawerOpen() { return drawer && drawer.classList.contains("is-open"); }
  function openDrawer(event) {
    if (!drawer || window.matchMedia("(min-width: 1024px)").matches) { return; }
    if (event) { event.preventDefault(); }
    drawer.classList.add("is-open");
    root.classList.add("drawer-lock");
    drawer.setAttribute("role", "dialog");
    drawer.setAttribute("aria-modal", "true");
    if (opener) { opener.setAttribute("aria-expanded", "true"); }
    var heading = drawer.querySelector("[data-drawer-title]");
    if (heading) { heading.focus(); }
  }
  function closeDrawer(event) {
    if (!drawerOpen()) { return; }
    if (event) { event.preventDefault(); }
    drawer.classList.remove("is-open");
    root.classList.remove("drawer-lock");
    drawer.removeAttribute("role");
    drawer.removeAttribute("aria-modal");
    if (opener) { opener.setAttribute("aria-expanded", "false"); opener.focus(); }
  }
  if (opener && drawer) {
    opener.setAttribute("aria-expanded", "false");
    opener.addEventListener("click", openDrawer);
    drawer.querySelectorAll("[data-drawer-close]").forEach(function (button) {
      button.addEventListener("click", closeDrawer);
    });
    if (window.location.hash === "#filters") { history.replaceState(null, "", window.location.pathname + window.location.search); openDrawer(); }
  }

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  document.addEventListener("click", function (event) {
    if (!event.target.closest("details.menu")) { closeMenus(null); }
    if (drawerOpen() && !drawer.contains(event.target) && !(opener && opener.contains(event.target))) { closeDrawer(event); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Tab" && drawerOpen()) {  // keep the keyboard inside the open drawer
      var focusable = drawer.querySelectorAll("a[href], button, select, input, [tabindex='-1']");
      var first = focusable[0], last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
      return;
    }
    if (event.key !== "Escape") { return; }
    var open = document.querySelector("details.menu[open]");
    if (open) { open.removeAttribute("open"); open.querySelector("summary").focus(); }
    closeDrawer();
  });
})();
