/* Instant filtering on the "Filter standards" page.
 *
 * The page works without this script: it then shows the standards grouped by each
 * facet. With it, the form and one list appear, and the list narrows as soon as a
 * choice changes. Each list item carries its facet values as space-separated keys in
 * data- attributes. The choices are kept in the address (?channel=chat) so a filtered
 * list can be bookmarked or shared. No libraries and no inline handlers, so a strict
 * Content-Security-Policy can forbid inline script.
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-hb-filter]");
  var list = document.querySelector("[data-hb-filter-results]");
  if (!form || !list) return;
  var groups = document.querySelector("[data-hb-filter-groups]");
  var none = document.querySelector("[data-hb-filter-none]");
  var count = form.querySelector("[data-hb-filter-count]");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-hb-facet]"));
  var items = Array.prototype.slice.call(list.querySelectorAll("li"));

  function chosen() {
    return selects
      .filter(function (select) { return select.value !== ""; })
      .map(function (select) { return [select.getAttribute("data-hb-facet"), select.value]; });
  }

  function matches(item, wanted) {
    return wanted.every(function (pair) {
      var keys = (item.getAttribute("data-" + pair[0]) || "").split(" ");
      return keys.indexOf(pair[1]) !== -1;
    });
  }

  function remember(wanted) {
    var query = wanted.map(function (pair) {
      return encodeURIComponent(pair[0]) + "=" + encodeURIComponent(pair[1]);
    }).join("&");
    try {
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    } catch (error) {
      /* Some browsers refuse to change the address of a page opened from disk. */
    }
  }

  function apply() {
    var wanted = chosen();
    var shown = 0;
    items.forEach(function (item) {
      var keep = matches(item, wanted);
      item.hidden = !keep;
      if (keep) shown += 1;
    });
    none.hidden = shown !== 0;
    count.textContent = wanted.length === 0
      ? "All " + items.length + " standards"
      : shown + " of " + items.length + " standards";
    remember(wanted);
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      var value = params.get(select.getAttribute("data-hb-facet"));
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === value;
      });
      if (value && known) select.value = value;
    });
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    /* The reset event fires before the fields are cleared. */
    window.setTimeout(apply, 0);
  });

  restore();
  form.hidden = false;
  list.hidden = false;
  if (groups) groups.hidden = true;
  apply();
})();
