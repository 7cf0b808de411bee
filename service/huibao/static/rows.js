/* Several rows at once on the report form: the counts' small table (type one count, or paste
   “事项、数量、单位” cells from a spreadsheet), a quick-entry box per other list (one item per line;
   a paste of several lines adds them at once), a paste of several lines into a row's field, and
   Enter at the end of a row. Uses the row helpers form.js publishes as huibao.rows. */
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

  function nonEmptyLines(text) {
    return text.split(/\r?\n/).filter(function (l) { return l.trim(); });
  }

  function cellsOf(line) {
    return line.split("\t").map(function (c) { return c.trim(); });
  }

  /** Return true when a pasted first line is a table's heading row (its 数量 cell has no digit). */
  function isHeading(line) {
    const cells = cellsOf(line);
    return cells.length >= 2 && !/[0-9０-９]/.test(cells[1]);
  }

  /** Return the row fields for one line: a count (事项 数字, or 事项/数量/单位/说明 cells from a
      spreadsheet), a “小标题：内容” item, or the text itself. */
  function lineFields(line, keys, sub) {
    const cells = cellsOf(line);
    if (keys.indexOf("value") >= 0 && keys.indexOf("label") >= 0) {
      if (cells.length >= 2) {
        const out = { label: cells[0], value: cells[1] };
        if (cells[2]) out.measure = cells[2];
        const rest = cells.slice(3).filter(Boolean).join(" ");
        if (rest) out.note = rest; // nothing pasted is dropped: further columns become 补充说明
        return out;
      }
      const m = /^(.*?)[\s:：]*((?:约|近)?[0-9０-９][\s\S]*)$/.exec(line.trim());
      return m && m[1] ? { label: m[1].trim(), value: m[2].trim() } : { label: line.trim() };
    }
    const text = cells.filter(Boolean).join(" ");
    if (!keys.length) return { "": text };
    const colon = /^([^：:]{1,30})[：:]\s*([\s\S]+)$/.exec(text);
    if (colon && keys.indexOf("heading") >= 0 && sub !== "heading") return { heading: colon[1], text: colon[2] };
    const out = {};
    out[sub || (keys.indexOf("text") >= 0 ? "text" : keys[0])] = text;
    return out;
  }

  /** Add one row per item of ``items`` (field maps) to the list at ``path`` (fields re-rendered
      by the server; undoable); the first fills row ``firstRow`` when given. */
  async function addItems(path, items, firstRow) {
    if (!items.length) return false;
    const ol = listOf(path);
    const fieldset = ol && ol.closest("fieldset");
    const max = fieldset && fieldset.dataset.max ? Number(fieldset.dataset.max) : 0;
    let next = ol ? ol.children.length : 0;
    if (max && next + items.length - (firstRow !== undefined ? 1 : 0) > max) {
      H.status("最多只能填 " + max + " 项，这次要添加 " + items.length + " 项");
      return false;
    }
    H.rows.remember("添加前的内容");
    const list = entries();
    items.forEach(function (fields, i) {
      const row = i === 0 && firstRow !== undefined ? firstRow : next++;
      Object.keys(fields).forEach(function (k) {
        const name = path + "[" + row + "]" + (k ? "." + k : "");
        const at = list.findIndex(function (e) { return e[0] === name; });
        if (at >= 0) list[at][1] = fields[k];
        else list.push([name, fields[k]]);
      });
    });
    if (!(await replaceFields(list, false))) return false;
    H.status("已添加 " + items.length + " 项（可点“撤销”恢复）");
    return true;
  }

  function itemsOf(text, keys, sub) {
    const lines = nonEmptyLines(text);
    if (keys.indexOf("value") >= 0 && lines.length && isHeading(lines[0])) lines.shift();
    return lines.map(function (line) { return lineFields(line, keys, sub); });
  }

  function focusLast(path) {
    const ol = listOf(path);
    const input = ol && firstInput(ol.lastElementChild);
    if (input) input.focus();
  }

  function focusQuick(path) {
    const box = document.getElementById("q-" + path);
    if (box) box.focus();
  }

  function keysOf(path) {
    const box = document.getElementById("q-" + path);
    return box && box.dataset.keys ? box.dataset.keys.split(",") : [];
  }

  /** Add what the counts' table holds as one count; its cells are emptied for the next one. */
  async function addTableRow(path) {
    const cell = function (name) {
      return form.querySelector("[data-quick='" + path + "'][data-cell='" + name + "']");
    };
    const fields = {};
    ["label", "value", "measure"].forEach(function (k) {
      const el = cell(k);
      if (el && el.value.trim()) fields[k] = el.value.trim();
    });
    if (!fields.label && !fields.value) {
      H.status("请先填写事项和数量，或从表格粘贴");
      return;
    }
    if (await addItems(path, [fields])) focusQuick(path);
  }

  /** Add the lines of a list's quick-entry box as rows and empty it. */
  async function addBoxLines(path) {
    const box = document.getElementById("q-" + path);
    const items = itemsOf(box.value, keysOf(path), "");
    if (!items.length) {
      H.status("请先在框里每行写一项");
      return;
    }
    if (await addItems(path, items)) focusLast(path);
  }

  form.addEventListener("click", function (ev) {
    const b = ev.target.closest("[data-quick-add]");
    if (!b) return;
    const path = b.dataset.quickAdd;
    if (form.querySelector("[data-quick='" + path + "'][data-cell]")) addTableRow(path);
    else addBoxLines(path);
  });

  /** Return the path, row index and field key of a row field's name (``counts[2].label``). */
  function rowName(name) {
    const m = /^(.*)\[(\d+)\](?:\.([^.[\]]+))?$/.exec(name || "");
    return m ? { list: m[1], index: Number(m[2]), key: m[3] || "" } : null;
  }

  form.addEventListener("paste", function (ev) {
    const el = ev.target;
    if (!el.matches || !el.matches("input[type=text], textarea")) return;
    const text = (ev.clipboardData || window.clipboardData).getData("text");
    const lines = nonEmptyLines(text);
    const cells = text.indexOf("\t") >= 0;
    if (el.dataset.quick) {
      // The counts' table takes spreadsheet cells or several lines; a quick box that is still
      // empty takes several lines at once (typed lines wait for the button).
      const path = el.dataset.quick;
      const table = el.dataset.cell !== undefined;
      if (!(table ? lines.length >= 2 || cells : lines.length >= 2 && !el.value.trim())) return;
      ev.preventDefault();
      addItems(path, itemsOf(text, keysOf(path), "")).then(function (ok) {
        if (!ok) return;
        if (table) focusQuick(path);
        else focusLast(path);
      });
      return;
    }
    // Several lines pasted into an empty field of a row fill this row and add one row per line.
    const li = el.closest("li.row");
    const at = rowName(el.name);
    if (!li || !at || el.value.trim() || lines.length < 2) return;
    ev.preventDefault();
    const keys = Array.from(li.querySelectorAll(":scope > fieldset > .field [name], :scope > .field [name]"))
      .map(function (f) { return f.name.slice(at.list.length + String(at.index).length + 3); })
      .filter(function (k) { return k && k.indexOf(".") < 0; });
    const rowKeys = at.key ? keys : [];
    const sub = at.key === "label" ? "" : at.key;
    addItems(at.list, lines.map(function (line) { return lineFields(line, rowKeys, sub); }), at.index)
      .then(function (ok) { if (ok) focusLast(at.list); });
  });

  /** Return the row's own last typing field (a one-line input or a text box), not a nested row's. */
  function lastTypingField(li) {
    const own = Array.from(li.querySelectorAll("input[type=text], input[type=number], textarea"))
      .filter(function (el) { return el.closest("li.row") === li && el.name; });
    return own.length ? own[own.length - 1] : null;
  }

  // Enter at the end of a row (in its last one-line field, or on an empty last line of its last
  // text box) adds a new row right after it; Enter in any other one-line field does nothing.
  form.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" || ev.isComposing || ev.shiftKey || ev.ctrlKey || ev.altKey || ev.metaKey) return;
    const el = ev.target;
    if (!el.matches || !el.matches("input, textarea")) return;
    const oneLine = el.matches("input[type=text], input[type=number], input:not([type])");
    if (el.dataset.quick !== undefined && el.dataset.cell !== undefined) {
      ev.preventDefault();
      if (el.dataset.cell === "measure") addTableRow(el.dataset.quick);
      else {
        const cells = form.querySelectorAll("[data-quick='" + el.dataset.quick + "'][data-cell]");
        const i = Array.prototype.indexOf.call(cells, el);
        if (cells[i + 1]) cells[i + 1].focus();
      }
      return;
    }
    const li = el.closest("li.row");
    const atEnd = li && lastTypingField(li) === el;
    const emptyLastLine = el.matches("textarea") && el.selectionStart === el.value.length && /\n$/.test(el.value);
    if (atEnd && (oneLine || emptyLastLine)) {
      ev.preventDefault();
      if (emptyLastLine) {
        el.value = el.value.replace(/\s+$/, "");
        el.dispatchEvent(new Event("input", { bubbles: true }));
      }
      addRow(li.parentElement.dataset.list, li);
    } else if (oneLine) {
      ev.preventDefault(); // no row, no form submission: the preview follows the form anyway
    }
  });
})();
