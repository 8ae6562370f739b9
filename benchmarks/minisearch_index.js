// Build-time MiniSearch index of a built site's standards (standards.json), for
// search_bench.py: node benchmarks/minisearch_index.js SITE_DIR OUT_FILE
"use strict";
const fs = require("fs");
const path = require("path");
const MiniSearch = require("./vendor/minisearch-7.2.0.js");
const OPTIONS = require("./minisearch_options.json");

const [site, out] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(path.join(site, "standards.json"), "utf8"));
const texts = (list, key) => (list || []).map((x) => (key ? x[key] || "" : x)).join(" ");
const documents = data.standards.map((s, n) => {
  const c = s.content;
  return {
    id: n,
    url: s.url,
    title: c.title,
    aliases: texts(c.aliases),
    situation: c.situation || "",
    text: [
      c.summary,
      texts(c.tags),
      texts(c.steps),
      texts(c.rules),
      texts(c.wordings, "say"),
      texts(c.wordings, "when"),
      texts(c.targets, "metric"),
      texts(c.examples, "scenario"),
    ].join(" "),
  };
});
const index = new MiniSearch(OPTIONS.index);
index.addAll(documents);
fs.writeFileSync(out, JSON.stringify(index));
