/* The report form's values remembered in this browser: the units and recipients of earlier drafts
   (downloaded or cleared) are offered again in the fields' choice lists (datalists seen-…). */
"use strict";
(function () {
  const H = window.huibao;
  const KEY = "huibao.seen";
  const FIELDS = ["unit.name", "unit.self_reference", "recipient", "signature"];
  const MAX = 8;

  /** Return the remembered values by field path ({} when none or storage is unavailable). */
  function seen() {
    try {
      const v = JSON.parse(localStorage.getItem(KEY) || "{}");
      return v && typeof v === "object" ? v : {};
    } catch (e) {
      return {};
    }
  }

  /** Offer the remembered values in the fields' choice lists. */
  function fill() {
    const all = seen();
    FIELDS.forEach(function (path) {
      const list = document.getElementById("seen-" + path.replace(/\./g, "-"));
      if (!list) return;
      list.replaceChildren.apply(list, (Array.isArray(all[path]) ? all[path] : []).map(function (v) {
        const o = document.createElement("option");
        o.value = String(v);
        return o;
      }));
    });
  }

  /** Remember the form's unit and recipient (most recent first) and offer them from now on. */
  function remember() {
    const all = seen();
    FIELDS.forEach(function (path) {
      const el = document.getElementById("f-" + path);
      const v = el ? el.value.trim() : "";
      if (!v) return;
      const old = Array.isArray(all[path]) ? all[path] : [];
      all[path] = [v].concat(old.filter(function (x) { return x !== v; })).slice(0, MAX);
    });
    try {
      localStorage.setItem(KEY, JSON.stringify(all));
    } catch (e) {
      return; // storage unavailable: nothing is offered next time
    }
    fill();
  }

  H.seen = { remember: remember };
  fill();
})();
