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
    /* Pagefind's Arabic rules keep the conjunction on a word with the article ("والسجن": a word starting "وا"
       may have و as a root letter), so a query word "والسجن" would find only that form: it is asked as "السجن",
       which finds "السجن", "بالسجن", "للسجن" … */
    function askedIn(query, language) {
      return language !== "ar" ? query : query.split(/\s+/).map(function (word) {
        return /^[\u0648\u0641]\u0627\u0644/.test(word) && word.length > 4 ? word.slice(1) : word;
      }).join(" ");
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
            p.innerHTML = sub.excerpt;  /* Pagefind escapes the text and adds only <mark> */
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
        return pagefind.search(askedIn(query, language), options);
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
