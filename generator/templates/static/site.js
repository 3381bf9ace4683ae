/* Progressive enhancements; every page works without this file. */
(function () {
  "use strict";
  var KEY = "briefing-view";

  function rememberView() {
    var radios = document.querySelectorAll('.view-switch input[name="view"]');
    if (!radios.length) return;
    var saved = null;
    try { saved = window.localStorage.getItem(KEY); } catch (e) { /* storage may be off */ }
    radios.forEach(function (radio) {
      if (saved && radio.value === saved) radio.checked = true;
      radio.addEventListener("change", function () {
        try { window.localStorage.setItem(KEY, radio.value); } catch (e) { /* ignore */ }
      });
    });
  }

  function partnerSentences() {
    document.querySelectorAll(".pair").forEach(function (pair) {
      pair.addEventListener("mouseover", function (event) {
        var s = event.target.closest && event.target.closest(".s[data-s]");
        pair.querySelectorAll(".s.partner").forEach(function (el) { el.classList.remove("partner"); });
        if (!s) return;
        pair.querySelectorAll('.s[data-s="' + s.dataset.s + '"]').forEach(function (el) {
          el.classList.add("partner");
        });
      });
      pair.addEventListener("mouseleave", function () {
        pair.querySelectorAll(".s.partner").forEach(function (el) { el.classList.remove("partner"); });
      });
    });
  }

  function search() {
    var form = document.querySelector(".search-form");
    if (!form) return;
    var input = form.querySelector("input");
    var status = document.querySelector(".search-status");
    var list = document.querySelector(".search-results");
    /* Two bundles: the Arabic (pagefind/) and, once there is English, the English (pagefind-en/), each
       stemmed by its own language's rules. Words in Latin letters search the English; any other the Arabic. */
    var engines = {};
    var LATIN = /[A-Za-z\u00C0-\u024F]/, ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
    function languageOf(query) {
      return form.dataset.bundleEn && LATIN.test(query) && !ARABIC.test(query) ? "en" : "ar";
    }
    /* Pagefind's Arabic rules strip the article and some prefixes, not all: "لترامب" stays a word of its own,
       "مدنيين" is another stem than "المدنيين", and "والسجن" keeps its و (a word starting "وا" may have it as a
       root letter). So each Arabic word of a query (of up to three words) is also asked in the forms it most
       often takes: without و/ف before the article, with and without the article, with لل before it, and
       without a first ل (a preposition, or a root letter: "لاجئين" is also asked as "اللاجئين"); the reports
       any form finds are merged, best score first. Only forms of these few kinds: a form no one writes
       ("كلسطين", "والترامب") may be stemmed to almost nothing and find hundreds. */
    var AL = "\u0627\u0644", L = "\u0644";
    function formsOf(word) {
      if (!ARABIC.test(word)) return [word];
      var forms = {}, w = word;
      forms[w] = true;
      if (/^[\u0648\u0641]\u0627\u0644/.test(w) && w.length > 5) w = w.slice(1);  /* والسجن → السجن */
      if (w.indexOf(L + L) === 0 && w.length > 4) {  /* ل + the article: للحسكة → الحسكة; but للاجئين → اللاجئين */
        forms[AL + w.slice(1)] = true;
        w = AL + w.slice(2);
      }
      var bare = w;
      if (w.indexOf(AL) === 0 && w.length > 4) bare = w.slice(2);  /* المدنيين → مدنيين */
      else if (w.charAt(0) === L && w.length > 3) {
        forms[AL + w] = true;  /* a root ل: لاجئين → اللاجئين */
        bare = null;
        forms[w.slice(1)] = true;  /* or the preposition: لترامب → ترامب (only the word itself: "الاجئين" is
                                      stemmed to next to nothing) */
      }
      if (bare) [bare, AL + bare, L + L + bare].forEach(function (f) { forms[f] = true; });
      return Object.keys(forms).filter(function (f) { return f.length >= 3; });
    }
    function queriesFor(query, language) {
      var words = query.split(/\s+/).filter(Boolean);
      /* (a quoted phrase is asked as typed: a form glued to its quote mark made it two words again) */
      if (language !== "ar" || words.length > 3 || /["\u201c\u201d\u00ab\u00bb]/.test(query)) return [query];
      var queries = {};
      queries[query] = true;
      words.forEach(function (word, i) {  /* one word's forms at a time, the others as typed */
        formsOf(word).forEach(function (form) {
          queries[words.slice(0, i).concat([form], words.slice(i + 1)).join(" ")] = true;
        });
      });
      return Object.keys(queries);
    }
    function searchAll(pagefind, queries, options) {
      return Promise.all(queries.map(function (q) { return pagefind.search(q, options); })).then(function (all) {
        var best = {}, asTyped = {}, typed = ((all[0] && all[0].results) || []).length;
        all.forEach(function (result, i) {
          var results = (result && result.results) || [];
          /* a form that finds over ten times what the words as typed find was stemmed to next to nothing
             ("الاجئين", read from "للاجئين" as ل + ال + اجئين): its reports are not kept */
          if (i > 0 && results.length > 10 * (typed + 5)) return;
          results.forEach(function (r) {
            if (i === 0) asTyped[r.id] = true;
            if (!best[r.id] || r.score > best[r.id].score) best[r.id] = r;
          });
        });
        var results = Object.keys(best).map(function (id) { return best[id]; });
        /* the reports the words as typed find first ("والدين", parents, is also asked as "الدين", religion: its
           other reports come after), then the rest; each part by score */
        results.sort(function (a, b) {
          return (asTyped[b.id] ? 1 : 0) - (asTyped[a.id] ? 1 : 0) || b.score - a.score ||
            (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
        });
        return { results: results };
      });
    }
    function load(language) {
      if (!engines[language]) {
        var bundle = language === "en" ? form.dataset.bundleEn : form.dataset.bundle;
        var merge = language === "en" ? form.dataset.mergeEn : form.dataset.merge;
        engines[language] = import(new URL(bundle, document.baseURI).href).then(function (pagefind) {
          /* A large pile is indexed in parts (pagefind-2/ …): the first bundle merges the others. */
          var parts = (merge || "").split(" ").filter(Boolean);
          return pagefind.init().then(function () {
            return Promise.all(parts.map(function (part) {
              return pagefind.mergeIndex(new URL(part, document.baseURI).href);
            }));
          }).then(function () { return pagefind; });
        });
        engines[language].catch(function () { delete engines[language]; });  /* (a bundle not there yet, as
           under serve before its first English: asked again next time, not failed for good) */
      }
      return engines[language];
    }
    var FROM_DISK = "Search needs the site to be served over http(s); it cannot run from a file opened on disk.";
    var PAGE = 30;  /* reports shown at once; "More results" shows the next ones */
    var more = document.createElement("button");
    more.type = "button";
    more.className = "search-more";
    more.textContent = "More results";
    more.hidden = true;
    list.parentNode.insertBefore(more, list.nextSibling);
    var found = null, next = 0, shown = 0, asked = "";
    function show() {
      var batch = found.results.slice(next, next + (Number(form.dataset.page) || PAGE));  /* (data-page: tests) */
      next += batch.length;
      more.hidden = true;
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
        items.forEach(function (item) {
          var target = (item.meta && item.meta.target) || item.url.replace(/^\//, "");
          /* A record is a source; its sections (one per paragraph pair, under a heading whose id is the
             pair's anchor) come back as sub-results: the best three link straight to their paragraphs. */
          var subs = (item.sub_results || []).filter(function (s) { return s.anchor && s.anchor.id; });
          subs.sort(function (a, b) { return (b.locations || []).length - (a.locations || []).length; });
          var parts = subs.length ? subs.slice(0, 3) : [{ title: "", excerpt: item.excerpt, anchor: null }];
          parts.forEach(function (sub) {
            var li = document.createElement("li");
            var a = document.createElement("a");
            a.href = target + (sub.anchor ? "#" + sub.anchor.id : "");
            var title = document.createElement("bdi");  /* an Arabic title does not reorder the ¶ after it */
            title.textContent = (item.meta && item.meta.title) || item.url;
            a.appendChild(title);
            if (sub.title) { a.appendChild(document.createTextNode(" — " + sub.title)); }
            var p = document.createElement("p");
            p.className = "excerpt";
            p.setAttribute("dir", "auto");
            /* Pagefind escapes the text and adds only <mark>; a section's excerpt starts with its heading ("¶3."),
               which the link before it already shows */
            p.innerHTML = sub.excerpt.replace(/^\s*\u00b6\d+\.?\s*/, "");
            li.appendChild(a);
            li.appendChild(p);
            list.appendChild(li);
            shown += 1;
          });
        });
        var total = found.results.length;
        status.textContent = total ? total + " report" + (total === 1 ? "" : "s") + " found for “" + asked + "”" +
          (next < total ? "; the first " + next + " are shown (" + shown + " paragraphs)." : " (" + shown +
          " paragraph" + (shown === 1 ? "" : "s") + ").") : "Nothing found for “" + asked + "”.";
        more.hidden = next >= total;
      });
    }
    function run(query) {
      if (location.protocol === "file:") {
        status.textContent = FROM_DISK;
        return;
      }
      status.textContent = "Searching…";
      list.innerHTML = "";
      more.hidden = true;
      var story = form.querySelector("select[name=story]");
      var options = story && story.value ? { filters: { story: story.value } } : {};
      var language = languageOf(query);
      load(language).then(function (pagefind) {
        return searchAll(pagefind, queriesFor(query, language), options);
      }).then(function (result) {
        if (language !== "en" || result.results.length) return result;
        /* nothing in the English: a Latin word may stand in the Arabic ("YPG", "Facebook") */
        return load("ar").then(function (pagefind) { return searchAll(pagefind, [query], options); });
      }).then(function (result) {
        found = result; next = 0; shown = 0; asked = query;
        return show();
      }).catch(function () {
        status.textContent = "The search index could not be loaded.";
      });
    }
    more.addEventListener("click", function () {
      more.disabled = true;
      show().then(function () { more.disabled = false; }, function () { more.disabled = false; });
    });
    if (location.protocol === "file:") {
      status.textContent = FROM_DISK;
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = input.value.trim();
      if (query) {
        var story = form.querySelector("select[name=story]");
        history.replaceState(null, "", "?q=" + encodeURIComponent(query) +
          (story && story.value ? "&story=" + encodeURIComponent(story.value) : ""));
        run(query);
      }
    });
    var params = new URLSearchParams(location.search);
    var chosen = form.querySelector("select[name=story]");
    if (chosen && params.get("story")) { chosen.value = params.get("story"); }
    var initial = params.get("q");
    if (initial) { input.value = initial; run(initial); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    rememberView();
    partnerSentences();
    search();
  });
})();

/* Printing: what is folded away (about the source, the Arabic of a summary) is printed open, then folded
   again; lines removed from the scrape stay out of print. */
(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = [].slice.call(document.querySelectorAll("main details:not(.removed):not([open])"));
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
