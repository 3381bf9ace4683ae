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
    var engine = null;
    function load() {
      if (!engine) {
        engine = import(new URL(form.dataset.bundle, document.baseURI).href).then(function (pagefind) {
          return pagefind.init().then(function () { return pagefind; });
        });
      }
      return engine;
    }
    function run(query) {
      if (location.protocol === "file:") {
        status.textContent = "Search needs the site to be served over http(s); it cannot run from a file opened on disk.";
        return;
      }
      status.textContent = "Searching…";
      list.innerHTML = "";
      load().then(function (pagefind) {
        return pagefind.search(query);
      }).then(function (found) {
        return Promise.all(found.results.slice(0, 30).map(function (r) { return r.data(); }));
      }).then(function (items) {
        status.textContent = items.length ? items.length + " paragraph(s) found for “" + query + "”." :
          "Nothing found for “" + query + "”.";
        items.forEach(function (item) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = (item.meta && item.meta.target) || item.url.replace(/^\//, "");
          a.textContent = (item.meta && item.meta.title) || item.url;
          var p = document.createElement("p");
          p.className = "excerpt";
          p.setAttribute("dir", "auto");
          p.innerHTML = item.excerpt;  /* Pagefind escapes the text and adds only <mark> */
          li.appendChild(a);
          li.appendChild(p);
          list.appendChild(li);
        });
      }).catch(function () {
        status.textContent = "The search index could not be loaded.";
      });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = input.value.trim();
      if (query) {
        history.replaceState(null, "", "?q=" + encodeURIComponent(query));
        run(query);
      }
    });
    var initial = new URLSearchParams(location.search).get("q");
    if (initial) { input.value = initial; run(initial); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    rememberView();
    partnerSentences();
    search();
  });
})();
