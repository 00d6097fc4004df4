/* A many-to-many field chosen through a Wagtail chooser (cms.choosers.MultipleChooser): the
   chooser opens with ticks for several items; each chosen item is a hidden input with a
   "remove" button. No inline script: the chooser's definition sits in a JSON script element. */
(function () {
    "use strict";

    function init(container) {
        if (container.dataset.ready) {
            return;
        }
        container.dataset.ready = "1";
        var definition = JSON.parse(container.querySelector('script[type="application/json"]').textContent);
        var list = container.querySelector("[data-chosen-list]");
        var empty = container.querySelector("[data-empty]");
        var template = container.querySelector("template[data-row-template]");
        var factory = null;

        function chosenIds() {
            return Array.prototype.map.call(list.querySelectorAll("input"), function (input) {
                return input.value;
            });
        }

        function changed() {
            empty.hidden = list.children.length > 0;
            container.dispatchEvent(new Event("change", { bubbles: true }));
        }

        function add(item) {
            var id = String(item.id);
            if (chosenIds().indexOf(id) >= 0) {
                return;
            }
            var row = template.content.firstElementChild.cloneNode(true);
            row.querySelector("input").value = id;
            row.querySelector("[data-title]").textContent = item.title;
            row.querySelector("[data-sr-title]").textContent = " " + item.title;
            list.appendChild(row);
        }

        container.addEventListener("click", function (event) {
            var remove = event.target.closest("[data-remove]");
            if (remove) {
                remove.closest("li").remove();
                changed();
                return;
            }
            if (event.target.closest("[data-open]")) {
                factory = factory || window.telepath.unpack(definition);
                factory.openModal(function (items) {
                    (Array.isArray(items) ? items : [items]).forEach(add);
                    changed();
                }, { multiple: true });
            }
        });
    }

    function initAll() {
        document.querySelectorAll("[data-chohtx-multiple-chooser]").forEach(init);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", initAll);
    } else {
        initAll();
    }
})();
