// Quick card picker: filter the list and the printable cards in place. The page works
// without this script (lists to browse, Print prints every card); nothing is loaded.
(function () {
  var picker = document.querySelector(".hb-picker");
  if (!picker) return;
  var form = picker.querySelector(".hb-picker__filters");
  var filters = form.querySelectorAll("[data-filter]");
  var count = form.querySelector(".hb-picker__count");
  var plain = picker.querySelector(".hb-picker__plain");
  form.hidden = false;
  picker.querySelectorAll(".hb-picker__pick").forEach(function (box) {
    box.hidden = false;
    box.addEventListener("change", update);
  });
  function matches(el, wanted) {
    var channels = (el.dataset.channels || "").split(" ");
    var tags = (el.dataset.tags || "").split("|");
    return (!wanted.area || el.dataset.area === wanted.area) &&
      (!wanted.channel || channels.indexOf(wanted.channel) >= 0) &&
      (!wanted.tag || tags.indexOf(wanted.tag) >= 0);
  }
  function update() {
    var wanted = {};
    filters.forEach(function (f) { wanted[f.dataset.filter] = f.value; });
    var any = wanted.area || wanted.channel || wanted.tag;
    var shown = 0;
    picker.querySelectorAll(".hb-picker__item").forEach(function (item) {
      item.hidden = !matches(item, wanted);
      var box = item.querySelector(".hb-picker__pick");
      if (!item.hidden && box && box.checked) shown += 1;
    });
    picker.querySelectorAll(".hb-picker__group").forEach(function (group) {
      group.hidden = !group.querySelector(".hb-picker__item:not([hidden])");
    });
    picker.querySelectorAll(".hb-picker__cards .hb-card").forEach(function (card) {
      var box = picker.querySelector('.hb-picker__item[data-id="' + card.dataset.id + '"] .hb-picker__pick');
      card.hidden = !matches(card, wanted) || (box && !box.checked);
    });
    var chosen = picker.querySelectorAll(".hb-picker__cards .hb-card:not([hidden])");
    picker.querySelectorAll(".hb-card--last").forEach(function (card) {
      card.classList.remove("hb-card--last");
    });
    if (chosen.length) chosen[chosen.length - 1].classList.add("hb-card--last");
    plain.hidden = !!any;
    count.textContent = shown + (shown === 1 ? " card" : " cards") + " to print";
  }
  // A large handbook's page carries no cards: it fetches the chosen cards' own pages.
  var sheet = picker.querySelector(".hb-picker__cards");
  var status = form.querySelector(".hb-picker__status");
  function say(text) {
    status.textContent = text;
    status.hidden = !text;
  }
  function gather() {
    var links = [];
    picker.querySelectorAll(".hb-picker__item:not([hidden])").forEach(function (item) {
      var box = item.querySelector(".hb-picker__pick");
      if (box && box.checked) links.push(item.querySelector("a").href);
    });
    if (!links.length) return Promise.resolve([]);
    return Promise.all(links.map(function (href) {
      return fetch(href).then(function (response) {
        if (!response.ok) throw new Error(href + ": " + response.status);
        return response.text();
      });
    })).then(function (pages) {
      return pages.map(function (text) {
        // Parsed, never run: only the card element is taken from each page.
        var doc = new DOMParser().parseFromString(text, "text/html");
        return document.importNode(doc.querySelector("article.hb-card"), true);
      });
    });
  }
  function printChosen() {
    if (!sheet.hasAttribute("data-fetch")) {
      window.print();
      return;
    }
    say("Gathering the cards…");
    gather().then(function (cards) {
      sheet.replaceChildren.apply(sheet, cards);
      if (cards.length) cards[cards.length - 1].classList.add("hb-card--last");
      say("");
      window.print();
    }).catch(function () {
      say("The cards could not be fetched: open each card to print it.");
    });
  }
  filters.forEach(function (f) { f.addEventListener("change", update); });
  form.querySelector("[data-print]").addEventListener("click", printChosen);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  update();
})();
