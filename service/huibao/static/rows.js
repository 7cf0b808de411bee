/* Several rows at once on the report form: a quick-entry box per list (one item per line, or
   spreadsheet cells for counts), a paste of several lines into a row's field, and Enter at the end
   of a row. Uses the row helpers form.js publishes as huibao.rows. */
"use strict";
(function () {
  const H = window.huibao;
  const form = document.getElementById("facts-form");
  if (!form || !H.rows) return;
  const listOf = H.rows.listOf;
  const firstInput = H.rows.firstInput;
  const addRow = H.rows.addRow;
  const replaceFields = H.rows.replaceFields;
  const entries = H.entries;


  /** Return the row fields for one line: a count (事项 数字, or cells from a spreadsheet), a
      “小标题：内容” item, or the text itself. */
  function lineFields(line, keys, sub) {
    const cells = line.split("\t").map(function (c) { return c.trim(); }).filter(Boolean);
    if (keys.indexOf("value") >= 0 && keys.indexOf("label") >= 0) {
      if (cells.length >= 2) return { label: cells[0], value: cells.slice(1).join("") };
      const m = /^(.*?)[\s:：]*((?:约|近)?[0-9０-９][\s\S]*)$/.exec(line.trim());
      return m && m[1] ? { label: m[1].trim(), value: m[2].trim() } : { label: line.trim() };
    }
    const text = cells.join(" ");
    if (!keys.length) return { "": text };
    const colon = /^([^：:]{1,30})[：:]\s*([\s\S]+)$/.exec(text);
    if (colon && keys.indexOf("heading") >= 0 && sub !== "heading") return { heading: colon[1], text: colon[2] };
    const out = {};
    out[sub || (keys.indexOf("text") >= 0 ? "text" : keys[0])] = text;
    return out;
  }

  /** Add one row per line of ``text`` to the list at ``path`` (fields re-rendered by the server). */
  async function addLines(path, text, keys, sub, firstRow) {
    const lines = text.split(/\r?\n/).filter(function (l) { return l.trim(); });
    if (!lines.length) return false;
    const list = entries();
    const ol = listOf(path);
    let next = ol ? ol.children.length : 0;
    lines.forEach(function (line, i) {
      const fields = lineFields(line, keys, sub);
      const row = i === 0 && firstRow !== undefined ? firstRow : next++;
      Object.keys(fields).forEach(function (k) {
        const name = path + "[" + row + "]" + (k ? "." + k : "");
        const at = list.findIndex(function (e) { return e[0] === name; });
        if (at >= 0) list[at][1] = fields[k];
        else list.push([name, fields[k]]);
      });
    });
    if (!(await replaceFields(list, false))) return false;
    H.status("已添加 " + lines.length + " 项");
    const last = listOf(path);
    const input = last && firstInput(last.lastElementChild);
    if (input) input.focus();
    return true;
  }

  form.addEventListener("click", function (ev) {
    const b = ev.target.closest("[data-quick-add]");
    if (!b) return;
    const box = document.getElementById("q-" + b.dataset.quickAdd);
    const keys = box.dataset.keys ? box.dataset.keys.split(",") : [];
    addLines(b.dataset.quickAdd, box.value, keys, "").then(function (ok) {
      if (!ok && !box.value.trim()) H.status("请先在框里每行写一项");
    });
  });

  // Pasting several lines into a row's field fills this row and adds one row for each other line.
  form.addEventListener("paste", function (ev) {
    const el = ev.target;
    const li = el.closest && el.closest("li.row");
    if (!li || !el.matches("input[type=text], textarea") || el.value.trim()) return;
    const text = (ev.clipboardData || window.clipboardData).getData("text");
    if (text.split(/\r?\n/).filter(function (l) { return l.trim(); }).length < 2) return;
    ev.preventDefault();
    const m = /^(.*)\[(\d+)\](?:\.([^.[\]]+))?$/.exec(el.name);
    if (!m) return;
    const keys = Array.from(li.querySelectorAll(":scope > fieldset > .field [name], :scope > .field [name]"))
      .map(function (f) { return f.name.slice(m[1].length + m[2].length + 3); })
      .filter(function (k) { return k && k.indexOf(".") < 0; });
    addLines(m[1], text, m[3] ? keys : [], m[3] === "label" ? "" : m[3] || "", Number(m[2]));
  });

  // Enter in a row's one-line field (or on an empty last line of its text) adds the next row.
  form.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" || ev.isComposing || ev.shiftKey || ev.ctrlKey || ev.altKey) return;
    const el = ev.target;
    const li = el.closest && el.closest("li.row");
    if (!li) return;
    const oneLine = el.matches("input[type=text]");
    const emptyLastLine = el.matches("textarea") && el.selectionStart === el.value.length && /\n$/.test(el.value);
    if (!oneLine && !emptyLastLine) return;
    ev.preventDefault();
    if (emptyLastLine) el.value = el.value.replace(/\s+$/, "");
    addRow(li.parentElement.dataset.list);
  });
})();
