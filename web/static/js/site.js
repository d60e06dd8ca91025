// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // "Gem som favorit" toggles in place: the form is posted with fetch, the
  // button's aria-pressed and the header count follow, and a polite live
  // region says what happened. On any failure the normal post takes over.
  var live = document.getElementById("live");
  function say(text) {
    if (!live) return;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.hasAttribute || !form.hasAttribute("data-fav") || !window.fetch) return;
    ev.preventDefault();
    var button = form.querySelector("button");
    var action = form.querySelector("input[name=handling]");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (res) {
      return res.json().then(function (body) { return { ok: res.ok, body: body }; });
    }).then(function (r) {
      button.disabled = false;
      if (!r.ok) { say(r.body.message || "Favoritten kunne ikke gemmes."); return; }
      var saved = r.body.saved;
      // Every button for the same course or programme on the page follows.
      var sel = "form[data-fav] input[name=id][value='" + form.elements.id.value + "']";
      document.querySelectorAll(sel).forEach(function (input) {
        var f = input.form;
        if (f.elements.type.value !== form.elements.type.value) return;
        f.querySelector("button").setAttribute("aria-pressed", saved ? "true" : "false");
        f.elements.handling.value = saved ? "fjern" : "gem";
      });
      var count = document.querySelector("#fav-count .n");
      if (count) count.textContent = String(r.body.count);
      say(r.body.message);
      if (r.body.fresh) {
        // First save: check that the browser kept the cookie.
        fetch("/favoritter/tjek?format=json", { credentials: "same-origin", headers: { "Accept": "application/json" } })
          .then(function (res) { return res.json(); })
          .then(function (c) {
            if (!c.cookie) say("Favoritten kunne ikke gemmes, fordi din browser ikke tillader cookies. Tillad cookies for dette websted, og prøv igen.");
          });
      }
    }).catch(function () {
      button.disabled = false;
      form.submit();
    });
  });

  // The enrolment form's price is computed on the server for the people on
  // the form when it was shown. When the visitor ticks "Jeg deltager selv"
  // or types a colleague, the sentence above the price says so at once,
  // instead of a stale "Beregnet for 1 deltager" until the page reloads.
  var priceFor = document.getElementById("pris-for");
  if (priceFor) {
    var form = priceFor.closest("form");
    var shown = Number(priceFor.getAttribute("data-people"));
    var word = function (n) { return n === 1 ? "1 deltager" : n + " deltagere"; };
    var recount = function () {
      var n = 0;
      var self = form.querySelector("#self");
      if (self && self.checked) n++;
      form.querySelectorAll("fieldset.participant").forEach(function (fs) {
        var typed = false;
        // Only what the visitor types counts: the stay's radio buttons and
        // allergen boxes carry values whether ticked or not.
        fs.querySelectorAll("input").forEach(function (i) {
          if (!/^(checkbox|radio|hidden)$/.test(i.type) && i.value.trim() !== "") typed = true;
        });
        if (typed) n++;
      });
      if (n === 0) n = 1;
      priceFor.textContent = n === shown
        ? "Beregnet for " + word(n) + "."
        : "Prisen herunder er for " + word(shown) + ". Der står nu " + word(n) + " på formularen: vælg “Opdater pris” for at se prisen for dem.";
    };
    if (form) {
      form.addEventListener("input", recount);
      form.addEventListener("change", recount);
    }
  }

  // The catalogue's filters are folded on small screens, so the first
  // results show at once; a wide screen has room to show them open.
  var filters = document.querySelector("details.filters[data-open-wide]");
  if (filters && window.matchMedia && window.matchMedia("(min-width: 60rem)").matches) {
    filters.open = true;
  }
})();
