// Staff search: finds standards from what staff type, in their own words.
// The build (plugins/handbook/finding/index.py) writes the index as small script files
// under search/handbook/<version>/ (INDEX, which the build puts before this code);
// nothing of it loads until the first search. The build puts
// the vendored npm `stemmer` (Porter) before this code, in one closure.

var root = (function () {
  var src = document.currentScript ? document.currentScript.src : "";
  return src.replace(/assets\/handbook\/search\.js(\?.*)?$/, "");
})();
var folder = root + INDEX;
var pending = {};
var SPLIT = /[^a-z0-9]+/;
var APOSTROPHES = /['\u2019\u2018`]/g;
var COMBINING = /[\u0300-\u036f]/g;
var LIMIT = 10;
// How much a match counts, by how the query word met the index word.
var tune = {
  prefix: 0.5,      // a longer word ("call" -> "caller")
  typing: 0.8,      // the last word, still being typed
  typo1: 0.6,       // one edit away
  typo2: 0.4,       // two edits away (words of 7 letters or more)
  synonym: 0.7,     // a synonym (finding/synonyms.py, the site's own)
  coverage: 1,      // a result's score times (query words matched / query words) ^ this
  together: 2,      // and times 1 + this * the most of the query one section holds,
  phrase: 2.5,      // that section's share times 1 + this * its share of the query's pairs
};

function load(name) {
  var entry = pending[name];
  if (entry) return entry.promise;
  entry = pending[name] = {};
  entry.promise = new Promise(function (resolve, reject) {
    entry.resolve = resolve;
    var script = document.createElement("script");
    script.src = folder + name + ".js";
    script.async = true;
    script.onload = function () { script.remove(); };
    script.onerror = function () {
      script.remove();
      delete pending[name];
      reject(new Error("search: could not load " + script.src));
    };
    document.head.appendChild(script);
  });
  return entry.promise;
}

function register(name, data) {
  var entry = pending[name];
  if (entry && entry.resolve) entry.resolve(data);
  else pending[name] = { promise: Promise.resolve(data) };
}

// The same rule as plugins/handbook/finding/words.py.
function fold(text) {
  return String(text).toLowerCase().normalize("NFKD").replace(COMBINING, "").replace(APOSTROPHES, "");
}

function words(text) {
  return fold(text).split(SPLIT).filter(Boolean);
}

function stem(word) {
  if (meta && meta.stems.hasOwnProperty(word)) return meta.stems[word];
  return word.length < 3 ? word : stemmer(word);
}

var meta = null;
var shardTerms = {};

function loadMeta() {
  return load("meta").then(function (data) {
    if (!meta) {
      meta = data;
      meta.stopSet = new Set(data.stop);
      meta.compoundSet = new Set(data.compounds);
      meta.endingSet = new Set(data.endings || []);
      meta.compoundStems = new Set(data.compounds.map(stem));
      meta.shardSet = new Set(data.shards);
    }
    return meta;
  });
}

function shardFor(term) {
  for (var n = Math.min(term.length, 6); n >= 1; n--) {
    var prefix = term.slice(0, n);
    if (meta.shardSet.has(prefix)) return prefix;
  }
  return null;
}

// Optimal string alignment distance, giving up past `max`.
function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  var prev2 = null, prev = [], row;
  for (var j = 0; j <= b.length; j++) prev[j] = j;
  for (var i = 1; i <= a.length; i++) {
    row = [i];
    var best = i;
    for (j = 1; j <= b.length; j++) {
      var cost = a[i - 1] === b[j - 1] ? 0 : 1;
      var value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, prev2[j - 2] + 1);
      }
      row[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

// The index terms a query word stands for, each with how much a match counts and
// whether it is only a word beginning or a near spelling (not the word itself).
function expand(token, shard, typing) {
  var found = [];
  var seen = {};
  function add(term, weight, loose) {
    if (!(term in seen) || seen[term][0] < weight) seen[term] = [weight, !!loose];
  }
  var entries = shard.entries;
  if (entries[token.stem]) add(token.stem, 1);
  if (entries[token.word]) add(token.word, 1);
  var exact = Object.keys(seen).length > 0;
  var terms = shard.terms;
  if (!exact) {
    // The build's Porter stemmer and this one differ on a few words by a last letter
    // ("apology": "apologi" there, "apolog" here): the same word.
    var shorter = token.stem.slice(0, -1);
    if (shorter.length >= 3 && entries[shorter]) add(shorter, 1);
    for (var k = 0; k < terms.length; k++) {
      if (terms[k].length === token.stem.length + 1 && terms[k].indexOf(token.stem) === 0) add(terms[k], 1);
    }
  }
  if (token.word.length >= 3) {
    // Word beginnings: what is being typed, or a longer form of a finished word ("call"
    // -> "caller", "callback"; words.py ENDINGS), not any longer word ("mess", "message").
    var prefixWeight = typing ? tune.typing : tune.prefix;
    var longer = function (t, start) {
      return t.length > start.length && t.indexOf(start) === 0 && (typing ||
        meta.endingSet.has(t.slice(start.length)) || meta.compoundStems.has(t));
    };
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i];
      if (longer(t, token.stem) || longer(t, token.word)) add(t, prefixWeight, true);
    }
  }
  // A word the synonyms know is not a typing mistake ("pictures": "photo", not "pickup").
  if (!exact && !(token.synonyms || []).length && token.word.length >= 5) {
    // Typing mistakes: one edit in a word of 5 letters or more, two from 8.
    var max = token.word.length >= 8 ? 2 : 1;
    var best = max + 1, near = [];
    for (i = 0; i < terms.length; i++) {
      t = terms[i];
      var d = Math.min(distance(token.stem, t, max), distance(token.word, t, max));
      if (d < best) { best = d; near = [t]; }
      else if (d === best && d <= max) near.push(t);
      // A misspelt form the stemmer cannot reduce, as one mistake ("abusiv": "abus").
      if (t.length >= 4 && token.stem.length - t.length <= 2 && token.stem.indexOf(t) === 0) {
        add(t, tune.typo1, true);
      }
    }
    if (best <= max) near.forEach(function (t) { add(t, best === 1 ? tune.typo1 : tune.typo2, true); });
  }
  (token.synonyms || []).forEach(function (t) { add(t, tune.synonym); });
  // A compound ("sign in") also finds its first word alone, as little as a word beginning.
  if (token.base && postingsOf(token.base)) add(token.base, tune.prefix, true);
  for (var term in seen) found.push([term, seen[term][0], seen[term][1]]);
  return found;
}

// The compound two words make ("walks", "ins" -> "walkin"; "voice", "mail" ->
// "voicemail"), as words.py `joined`.
function joined(first, second) {
  var base = stem(first);
  var starts = base === first ? [base] : [base, first];
  var particles = [second, second.slice(-1) === "s" ? second.slice(0, -1) : ""];
  for (var k = 0; k < starts.length; k++) {
    for (var i = 0; i < particles.length; i++) {
      var word = starts[k] + particles[i];
      if (particles[i] && meta.compoundSet.has(word)) return { word: word, stem: stem(word), base: base };
    }
  }
  return null;
}

// A query's words as search reads them (words.py `query_terms`): no stop words, each
// stem once, two words that make a compound as that one word.
function tokens(query) {
  var list = words(query);
  var out = [];
  var stems = {};
  for (var i = 0; i < list.length; i++) {
    var token = i + 1 < list.length ? joined(list[i], list[i + 1]) : null;
    if (token) i++;
    else if (meta.stopSet.has(list[i])) continue;
    else token = { word: list[i], stem: stem(list[i]) };
    if (stems[token.stem]) continue;
    stems[token.stem] = true;
    out.push(token);
  }
  return out;
}

function shard(prefix) {
  if (shardTerms[prefix]) return Promise.resolve(shardTerms[prefix]);
  return load("t/" + prefix).then(function (entries) {
    var terms = Object.keys(entries).filter(function (t) { return t[0] !== "~"; });
    return (shardTerms[prefix] = shardTerms[prefix] || { entries: entries, terms: terms });
  });
}

function shardOf(term) {
  var prefix = shardFor(term);
  return prefix === null ? Promise.resolve(null) : shard(prefix);
}

// Each token's shard, and the shards of its synonyms, which it then stands for too.
function loadTokens(list) {
  return Promise.all(list.map(function (t) { return shardOf(t.stem); })).then(function (loaded) {
    var wanted = list.filter(function (t) { return t.base; }).map(function (t) { return t.base; });
    list.forEach(function (token, n) {
      var entries = loaded[n] ? loaded[n].entries : {};
      token.synonyms = (entries["~" + token.stem] || []).concat(
        token.word !== token.stem ? entries["~" + token.word] || [] : []);
      wanted = wanted.concat(token.synonyms);
    });
    return Promise.all(wanted.map(shardOf)).then(function () { return loaded; });
  });
}

function postingsOf(term) {
  var prefix = shardFor(term);
  var found = prefix !== null && shardTerms[prefix];
  return found ? found.entries[term] : null;
}

// FNV-1a (32 bits) of a pair's characters: the pair file it is in (index.py `bucket`).
function bucket(pair) {
  var h = 0x811c9dc5;
  for (var i = 0; i < pair.length; i++) h = Math.imul(h ^ pair.charCodeAt(i), 0x01000193) >>> 0;
  return h % meta.pairs;
}

// The query's words as pairs of neighbours, stop words too, its start and end marked
// (index.py `pair_words`), each with the documents and sections it stands in ([[], []]
// for a pair the index does not have). A pair with a word the index does not have (one
// still being typed, or misspelt) is not looked for: no pair file is fetched for it.
function loadPairs(query) {
  var known = [true], list = [meta.ends[0]];
  words(query).forEach(function (word) {
    var term = stem(word), prefix = shardFor(term);
    var shard = prefix !== null && shardTerms[prefix];
    known.push(meta.stopSet.has(word) || !shard || !!shard.entries[term]);
    list.push(term);
  });
  known.push(true);
  list.push(meta.ends[1]);
  var keys = [], wanted = [];
  for (var i = 0; i + 1 < list.length; i++) {
    var key = list[i] + " " + list[i + 1];
    if (keys.indexOf(key) >= 0) continue;
    keys.push(key);
    wanted.push(known[i] && known[i + 1]);
  }
  return Promise.all(keys.map(function (key, n) {
    if (!wanted[n]) return [[], []];
    return load("p/" + bucket(key)).then(function (found) { return found[key] || [[], []]; });
  }));
}

// The index terms a text's words stand for, and how much each counts (for tests).
function termsOf(text) {
  return loadMeta().then(function () {
    var list = tokens(text);
    return loadTokens(list).then(function (loaded) {
      return list.map(function (token, n) {
        return [token.word, loaded[n] ? expand(token, loaded[n], false) : []];
      });
    });
  });
}

// The build's inverse document frequency (index.py), of a word in `df` standards.
function idf(df) {
  return Math.log(1 + (meta.documents - df + 0.5) / (df + 0.5));
}

function rank(query) {
  var list = tokens(query);
  if (!list.length) return Promise.resolve({ tokens: list, ranked: [] });
  var typingLast = !/\s$/.test(query);
  // The words' own shards first: they say which words the index has, for the pairs,
  // which load with the synonyms' shards.
  var own = Promise.all(list.map(function (t) { return shardOf(t.stem); }));
  return own.then(function () {
    return Promise.all([loadTokens(list), loadPairs(query)]);
  }).then(function (both) {
    var loaded = both[0];
    var score = new Map();
    var covered = new Map();
    var placed = new Map();  // doc -> [[section bits, rarity] for each query word it has]
    var weights = 0;
    // The kinds of section with bits (index.py SLOTS: the title, the aliases, ...), by
    // their field's name, and how rare each query word is in each.
    var kindOf = [], kinds = 0, masks = [];
    for (var bit = 0; bit < 30; bit++) {
      if (bit > 0 && meta.slot_fields[bit] !== meta.slot_fields[bit - 1]) kinds++;
      kindOf.push(kinds);
      masks[kinds] = (masks[kinds] || 0) | (1 << bit);
    }
    var kindTotals = new Array(kinds + 1).fill(0);
    list.forEach(function (token, n) {
      var found = loaded[n];
      token.terms = found ? expand(token, found, typingLast && n === list.length - 1) : [];
      var best = new Map();
      var bitsOf = new Map();
      // A query word weighs by how many standards it finds with all it stands for (its
      // synonyms, other forms, near spellings), not by its rarest stand-in: "caller",
      // which also stands for "customer", decides little; a synonym found in one
      // standard weighs no more than the word itself.
      // Word beginnings and near spellings count only when nothing else is found.
      var found = [];
      var reach = new Set();
      var loose = new Set();
      var most = 0;
      token.terms.forEach(function (pair) {
        var postings = postingsOf(pair[0]);
        if (!postings) return;
        found.push([postings, pair[1]]);
        most = Math.max(most, pair[1]);
        var doc = 0;
        var into = pair[2] ? loose : reach;
        for (var i = 0; i < postings[0].length; i++) into.add(doc += postings[0][i]);
      });
      var word = idf(reach.size || loose.size);
      // A rare word weighs more in how much of the query a result covers.
      var rarity = found.length ? most * word : Math.log(1 + meta.documents);
      found.forEach(function (entry) {
        var gaps = entry[0][0], values = entry[0][1], sections = entry[0][2];
        var factor = entry[1] * word / idf(gaps.length);
        var doc = 0;
        for (var i = 0; i < gaps.length; i++) {
          doc += gaps[i];
          var value = values[i] * factor;
          if (!(best.get(doc) >= value)) best.set(doc, value);
          bitsOf.set(doc, (bitsOf.get(doc) || 0) | sections[i]);
        }
      });
      weights += rarity;
      // In how many standards the word stands in each kind of section: a word in most
      // standards' text ("wait") can still be rare in their aliases, and an alias that
      // holds it with the query's other words is what the query asks for.
      var inKind = masks.map(function () { return 0; });
      bitsOf.forEach(function (bits) {
        for (var k = 0; k < masks.length; k++) if (bits & masks[k]) inKind[k]++;
      });
      var kindRarity = inKind.map(function (df) {
        return found.length ? most * idf(df) : Math.log(1 + meta.documents);
      });
      kindRarity.forEach(function (r, k) { kindTotals[k] += r; });
      best.forEach(function (value, doc) {
        score.set(doc, (score.get(doc) || 0) + value);
        covered.set(doc, (covered.get(doc) || 0) + rarity);
        var list = placed.get(doc);
        if (!list) placed.set(doc, (list = []));
        list.push([bitsOf.get(doc), kindRarity]);
      });
    });
    // Which pairs of the query's words stand next to each other in which sections, each
    // weighing by how rare it is (stop words count here: "you are at" is not "you are
    // getting"); a pair no section has weighs most, as rare as can be.
    var paired = new Map(), pairTotal = 0;
    both[1].forEach(function (found) {
      var gaps = found[0], sections = found[1];
      var weight = idf(gaps.length);
      pairTotal += weight;
      var doc = 0;
      for (var i = 0; i < gaps.length; i++) {
        doc += gaps[i];
        var list = paired.get(doc);
        if (!list) paired.set(doc, (list = []));
        list.push([sections[i], weight]);
      }
    });
    var ranked = [];
    score.forEach(function (value, doc) {
      var share = covered.get(doc) / weights;
      ranked.push([doc, value * Math.pow(share, tune.coverage)]);
    });
    ranked.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    // The best few again, by how much of the query one section holds (an alias, the
    // situation, a wording), each word weighing by how rare it is in that kind of
    // section, more where the query's words stand in it as typed, next to each other,
    // weighted like that section's field.
    var head = ranked.slice(0, 200);
    head.forEach(function (pair) {
      var together = 0, pairs = paired.get(pair[0]) || [];
      for (var bit = 0; bit < 30; bit++) {
        var held = 0, kind = kindOf[bit], phrase = 0;
        placed.get(pair[0]).forEach(function (p) { if (p[0] & (1 << bit)) held += p[1][kind]; });
        if (!held) continue;
        pairs.forEach(function (p) { if (p[0] & (1 << bit)) phrase += p[1]; });
        var share = held / kindTotals[kind] * (1 + tune.phrase * phrase / pairTotal);
        together = Math.max(together, share * meta.slots[bit] / 10);
      }
      pair[1] *= 1 + tune.together * together;
    });
    head.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    ranked = head.concat(ranked.slice(200));
    return { tokens: list, ranked: ranked };
  });
}

// Which section of a result matched best, and the words to highlight in it.
function why(row, list) {
  var wanted = new Map();
  list.forEach(function (token, n) {
    token.terms.forEach(function (pair) { wanted.set(pair[0], n); });
  });
  var best = null;
  row[4].forEach(function (section) {
    var hit = new Set();
    words(section[2]).forEach(function (word) {
      var n = wanted.get(stem(word));
      if (n === undefined) n = wanted.get(word);
      if (n !== undefined) hit.add(n);
    });
    // The most of the query's words, then the weightiest field (an alias before an example).
    var value = hit.size * 10 + 2 * (meta.weights[section[0]] || 0);
    if (hit.size && (!best || value > best.value)) best = { value: value, section: section };
  });
  var section = best ? best.section : row[4][0];
  return {
    label: section ? section[1] : "",
    text: section ? section[2] : "",
    anchor: section ? section[3] : "",
    terms: wanted,
  };
}

function search(query) {
  return loadMeta().then(function () {
    return rank(query);
  }).then(function (found) {
    var top = found.ranked.slice(0, LIMIT);
    var chunks = {};
    top.forEach(function (pair) { chunks[Math.floor(pair[0] / meta.chunk)] = true; });
    var names = Object.keys(chunks);
    return Promise.all(names.map(function (c) { return load("d/" + c); })).then(function (data) {
      var byChunk = {};
      names.forEach(function (c, n) { byChunk[c] = data[n]; });
      return top.map(function (pair) {
        var row = byChunk[Math.floor(pair[0] / meta.chunk)][pair[0] % meta.chunk];
        var reason = why(row, found.tokens);
        return {
          id: row[0],
          title: row[1],
          url: new URL(row[2], root).href,
          kind: row[3],
          score: pair[1],
          why: { label: reason.label, text: reason.text, anchor: reason.anchor },
          _terms: reason.terms,
        };
      });
    });
  });
}

window.handbookSearch = {
  search: function (query) {
    return search(String(query || "")).then(function (results) {
      return results.map(function (r) {
        return { id: r.id, title: r.title, url: r.url, kind: r.kind, why: r.why };
      });
    });
  },
  _register: register,
  _tune: tune,
  _search: search,
  _words: words,
  _stem: stem,
  _termsOf: termsOf,
  _queryTerms: function (text) {
    return loadMeta().then(function () {
      return tokens(String(text)).map(function (t) { return t.stem; });
    });
  },
};

// The dialog: Material's search box in the header (overrides in templates/theme/).
function setUp() {
  var dialog = document.querySelector("[data-hb-search]");
  var toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  var form = dialog.querySelector("[data-hb-search-form]");
  var input = dialog.querySelector("[data-hb-search-input]");
  var status = dialog.querySelector("[data-hb-search-status]");
  var list = dialog.querySelector("[data-hb-search-results]");
  var idle = status.textContent;
  // Material's hidden checkbox that opens the dialog: named for tools that list inputs.
  if (!toggle.hasAttribute("aria-label")) toggle.setAttribute("aria-label", "Search");
  var asked = 0;

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
  }
  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
  }
  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function highlighted(text, terms) {
    var fragment = document.createDocumentFragment();
    var parts = String(text).split(/([A-Za-z0-9\u00C0-\u024F'\u2019]+)/);
    parts.forEach(function (part) {
      if (!part) return;
      var folded = fold(part);
      if (/^[a-z0-9]+$/.test(folded) && (terms.has(stem(folded)) || terms.has(folded))) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(part));
      }
    });
    return fragment;
  }

  function shorten(text, terms) {
    var max = 180;
    if (text.length <= max) return text;
    var found = words(text);
    var first = -1;
    for (var i = 0; i < found.length && first < 0; i++) {
      if (terms.has(stem(found[i])) || terms.has(found[i])) first = fold(text).indexOf(found[i]);
    }
    var start = first > 60 ? text.lastIndexOf(" ", first - 40) + 1 : 0;
    var end = Math.min(text.length, start + max);
    var cut = text.slice(start, end);
    if (end < text.length) cut = cut.replace(/\s+\S*$/, "") + "…";
    return (start > 0 ? "…" : "") + cut;
  }

  function show(results, query) {
    list.textContent = "";
    results.forEach(function (r) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      var link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = r.why.anchor ? r.url + "#" + r.why.anchor : r.url;  // at the part that matched
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var title = document.createElement("h3");
      title.className = "hb-search__title";
      if (r.kind === "standard") {
        var id = document.createElement("span");
        id.className = "hb-id";
        id.textContent = r.id;
        title.appendChild(id);
        title.appendChild(document.createTextNode(" "));
      }
      title.appendChild(highlighted(r.title, r._terms));
      article.appendChild(title);
      if (r.why.text) {
        var reason = document.createElement("p");
        reason.className = "hb-search__why";
        var label = document.createElement("span");
        label.className = "hb-search__label";
        label.textContent = r.why.label;
        reason.appendChild(label);
        reason.appendChild(document.createTextNode(" "));
        reason.appendChild(highlighted(shorten(r.why.text, r._terms), r._terms));
        article.appendChild(reason);
      }
      link.appendChild(article);
      item.appendChild(link);
      list.appendChild(item);
    });
    input.dataset.shown = query;  // which query the list shows (for tests and tools)
    var n = results.length;
    status.textContent = !query.trim() ? idle
      : n === 0 ? "No matching standards"
      : n === 1 ? "1 matching standard" : n + (n === LIMIT ? " best matching standards" : " matching standards");
  }

  function run() {
    var query = input.value;
    var ask = ++asked;
    if (!query.trim()) {
      show([], "");
      return;
    }
    search(query).then(function (results) {
      if (ask === asked) show(results, query);
    }, function (error) {
      if (ask === asked) status.textContent = "Search could not load: " + error.message;
    });
  }

  input.addEventListener("input", run);
  input.addEventListener("focus", open);
  toggle.addEventListener("change", function () {
    if (toggle.checked) setTimeout(function () { input.focus(); }, 0);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", function () {
    setTimeout(run, 0);
  });
  dialog.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length) return;
      event.preventDefault();
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (at < 0) next = event.key === "ArrowDown" ? 0 : all.length - 1;
      if (next < 0 || next >= all.length) input.focus();
      else all[next].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (at >= 0 && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      input.focus();  // typing again goes on in the box
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      open();
    }
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
else setUp();
