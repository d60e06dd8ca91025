// Attendance at the door, progressive enhancement only: a tap on "Til
// stede" or "Fraværende" posts the row's form with fetch and puts the row
// the server sends back in its place, with no reload; the counts follow
// and a polite live region says what was saved. On any failure the form
// is posted the ordinary way.
(function () {
  "use strict";
  var live = document.getElementById("live-att");
  function recount() {
    ["present", "absent", "none"].forEach(function (s) {
      var el = document.querySelector("[data-count=" + s + "]");
      if (el) el.textContent = String(document.querySelectorAll(".att-row[data-state=" + s + "]").length);
    });
  }
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.hasAttribute || !form.hasAttribute("data-attendance") || !window.fetch) return;
    ev.preventDefault();
    var button = ev.submitter;
    var body = new URLSearchParams(new FormData(form));
    if (button && button.name) body.set(button.name, button.value);
    var row = form.closest(".att-row");
    row.setAttribute("aria-busy", "true");
    fetch(form.action, { method: "POST", body: body, credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" } })
      .then(function (res) { if (!res.ok) throw new Error(res.status); return res.text(); })
      .then(function (html) {
        var tpl = document.createElement("template");
        tpl.innerHTML = html.trim();
        var fresh = tpl.content.firstElementChild;
        row.replaceWith(fresh);
        recount();
        var again = fresh.querySelector("button[value='" + body.get("status") + "']");
        if (again) again.focus();
        if (live) live.textContent = fresh.querySelector(".att-who strong").textContent + ": " + fresh.querySelector(".att-state").textContent;
      })
      .catch(function () {
        var keep = document.createElement("input");
        keep.type = "hidden"; keep.name = "status"; keep.value = body.get("status");
        form.appendChild(keep);
        form.submit();
      });
  });
})();
