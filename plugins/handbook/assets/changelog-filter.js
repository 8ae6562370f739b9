// "What changed for me": narrows the changelog (index and revision pages) to one area
// and/or channel. The choice is kept in the address (?area=…&channel=…), so a link or a
// bookmark opens the changelog already narrowed, and links between changelog pages keep
// it. Without JavaScript every change shows, as before.
(function () {
  "use strict";
  var form = document.querySelector("form[data-changelog-filter]");
  if (!form) return;
  var area = form.elements.area;
  var channel = form.elements.channel;
  var params = new URLSearchParams(window.location.search);
  [area, channel].forEach(function (select) {
    var wanted = params.get(select.name);
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === wanted) select.value = wanted;
    }
  });
  form.hidden = false;

  function fits(pairs, a, c) {
    // pairs: "area:channel" words; "area:*" for a standard of every channel.
    return pairs.split(" ").some(function (pair) {
      var at = pair.indexOf(":");
      var pa = pair.slice(0, at);
      var pc = pair.slice(at + 1);
      return (!a || pa === a) && (!c || pc === c || pc === "*");
    });
  }

  function apply(write) {
    var a = area.value;
    var c = channel.value;
    var shown = 0;
    var all = document.querySelectorAll("[data-pairs]");
    all.forEach(function (el) {
      el.hidden = !fits(el.getAttribute("data-pairs"), a, c);
      if (!el.hidden && el.classList.contains("hb-revision")) shown += 1;
    });
    // "and 12 more": the changes a long list leaves out, counted for the choice.
    document.querySelectorAll("[data-rest]").forEach(function (more) {
      var rest = JSON.parse(more.getAttribute("data-rest"));
      var count = 0;
      Object.keys(rest).forEach(function (key) {
        if (fits(key, a, c)) count += rest[key];
      });
      more.querySelector("[data-rest-count]").textContent = String(count);
      more.hidden = count === 0;
    });
    // A revision page's area headings go with their changes, in the page and in its
    // table of contents.
    document.querySelectorAll(".md-content h2").forEach(function (heading) {
      var sibling = heading.nextElementSibling;
      var any = false;
      var found = false;
      while (sibling && sibling.tagName !== "H2") {
        if (sibling.hasAttribute("data-pairs")) {
          found = true;
          if (!sibling.hidden) any = true;
        }
        sibling = sibling.nextElementSibling;
      }
      if (!found) return;
      heading.hidden = !any;
      if (heading.id) {
        document.querySelectorAll(".md-nav--secondary a.md-nav__link").forEach(function (link) {
          if (link.getAttribute("href") === "#" + heading.id) link.parentElement.hidden = !any;
        });
      }
    });
    var query = new URLSearchParams();
    if (a) query.set("area", a);
    if (c) query.set("channel", c);
    var search = query.toString() ? "?" + query.toString() : "";
    if (write) {
      window.history.replaceState(null, "", window.location.pathname + search + window.location.hash);
    }
    document.querySelectorAll("a[data-keep-filter]").forEach(function (link) {
      link.search = search;
    });
    var status = form.querySelector("[data-filter-status]");
    if (status) {
      status.textContent = a || c ? "Showing only the changes for your choice." : "";
    }
    var none = document.querySelector("[data-filter-none]");
    if (none) none.hidden = !(a || c) || document.querySelector("[data-pairs]:not([hidden])") !== null;
    return shown;
  }

  form.addEventListener("change", function () {
    apply(true);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  apply(false);
})();
