/* Phrase-aware search: a thin layer over Material's own search worker (loaded at the end).

   Vietnamese words are made of syllables, and Material's index holds each syllable alone:
   "binh dang gioi" would rank a page with "bình", "đẳng" and "giới" far apart as high as a
   page saying "bình đẳng giới". This layer adds, before Material builds its index, two
   fields per document holding its pairs of adjacent words, folded ("binh_dang dang_gioi"):
   `pairs_title` and `pairs` (their weights are declared in the index's config by
   scripts/wpskit/search_index.py). Each query gains the same pairs as extra terms, so pages
   holding the phrase, and titles above all, rank first; Material's ranking, highlighting
   and result list are otherwise unchanged. The pairs are computed here, in the reader's
   browser, so the index that is downloaded does not grow.

   Messages between the page and this worker are Material's (integrations/search/worker):
   0 = set up the index, 2 = query, 3 = result. Works as a real worker and inside the
   iframe shim Material uses from file:// (the offline copy). */
(function () {
  "use strict";
  var SETUP = 0, QUERY = 2, RESULT = 3;
  var PAIR_FIELDS = ["pairs_title", "pairs"];
  var EXTRA_FIELDS = PAIR_FIELDS.concat(["folded_title", "folded"]);
  var MATERIAL_WORKER = "search.a7633da7.min.js";
  var MARKUP = /<[^>]*>/g;
  var BREAK = /[.,;:!?()[\]{}"“”«»…–—/|]+/;  /* a phrase does not run across punctuation */
  var NOT_WORD = /[^\p{L}\p{M}\p{N}]+/u;

  /* The same folding as scripts/wpskit/textfold.py: "Bình Đẳng" → "binh dang". */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  /* English stop words ("the", "of", "to": Lunr's list) do not make pairs: "plan of action"
     pairs as "plan_action", on the page and in the query alike. Vietnamese keeps every word. */
  var isStopWord = function () { return false; };

  function useStopWords(lang) {
    var lunr = self.lunr;
    if (lang === "en" && lunr && lunr.stopWordFilter) {
      isStopWord = function (word) { return !lunr.stopWordFilter(word); };
    }
  }

  /* The words of a folded text, in order, without stop words. */
  function words(folded) {
    return folded.split(NOT_WORD).filter(function (word) { return word && !isStopWord(word); });
  }

  /* The pairs of adjacent words of a text, e.g. ["binh_dang", "dang_gioi"]: once each when
     `seen` is given (a title), every time they occur otherwise (a text: a page that keeps
     saying "bình đẳng giới" is more about it than one that says it once). */
  function pairsOf(text, seen) {
    var out = [];
    fold(String(text || "").replace(MARKUP, " ").replace(/&[a-z]+;|&#\d+;/g, " ")).split(BREAK)
      .forEach(function (run) {
        var list = words(run);
        for (var i = 1; i < list.length; i++) {
          var pair = list[i - 1] + "_" + list[i];
          if (!seen || !seen[pair]) { out.push(pair); }
          if (seen) { seen[pair] = true; }
        }
      });
    return out;
  }

  function addPairFields(index) {
    var fields = index.config && index.config.fields;
    if (!fields || !PAIR_FIELDS.every(function (name) { return name in fields; })) { return; }
    useStopWords((index.config.lang || ["en"])[0]);
    var pairs = index.docs.map(function (doc) {
      return { title: pairsOf(doc.title, Object.create(null)), text: pairsOf(doc.text, null) };
    });
    /* A pair found in one document only is left out: it cannot change the ranking much (its
       words are rare together already), and Lunr builds its index far faster without the
       long tail of such pairs. */
    var documents = Object.create(null);
    pairs.forEach(function (doc) {
      var seen = Object.create(null);
      doc.title.concat(doc.text).forEach(function (pair) {
        if (!seen[pair]) { seen[pair] = true; documents[pair] = (documents[pair] || 0) + 1; }
      });
    });
    var shared = function (pair) { return documents[pair] > 1; };
    index.docs.forEach(function (doc, i) {
      var title = pairs[i].title.filter(shared), text = pairs[i].text.filter(shared);
      if (title.length) { doc.pairs_title = title.join(" "); }
      if (text.length) { doc.pairs = text.join(" "); }
    });
  }

  /* The query with its pairs added: "binh dang gioi" → "binh dang gioi binh_dang dang_gioi".
     A word the reader excludes ("-word") breaks the chain; Lunr's syntax is left alone. */
  function withPairs(query) {
    var chain = [], pairs = [];
    query.split(/\s+/).forEach(function (part) {
      if (/^-/.test(part) || /[:~^]/.test(part)) { chain = []; return; }
      words(fold(part)).forEach(function (word) {
        if (chain.length) { pairs.push(chain[chain.length - 1] + "_" + word); }
        chain.push(word);
      });
    });
    return pairs.length ? query + " " + pairs.join(" ") : query;
  }

  function isPair(term) {
    return term.indexOf("_") !== -1;
  }

  /* What goes back to the page: the reader's own terms only (the list of missing words and
     the ?h= highlighting of the page opened), and no copy of the extra fields. */
  function cleaned(item) {
    var terms = {};
    Object.keys(item.terms || {}).forEach(function (term) {
      if (!isPair(term)) { terms[term] = item.terms[term]; }
    });
    item.terms = terms;
    EXTRA_FIELDS.forEach(function (name) { delete item[name]; });
    if (item.parent) {
      item.parent = Object.assign({}, item.parent);
      EXTRA_FIELDS.forEach(function (name) { delete item.parent[name]; });
    }
    return item;
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message) { return; }
    if (message.type === SETUP && message.data) { addPairFields(message.data); }
    if (message.type === QUERY && typeof message.data === "string") { message.data = withPairs(message.data); }
  });

  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && message.data.items) {
      message.data.items.forEach(function (group) { group.forEach(cleaned); });
    }
    return post.apply(self, arguments);
  };

  /* Material's worker, from the folder of this file (inside the iframe shim, `location` is
     the page's, so the address comes from this script's own element). */
  var shim = typeof WorkerGlobalScope === "undefined" && typeof document !== "undefined";
  var here = shim ? document.querySelector("script[src]").src : self.location.href;
  importScripts(new URL(MATERIAL_WORKER, here).href);
})();
