/* The report form: rows (add, paste several lines, Enter at the end of a row, quick entry),
   draft and undo history (draft.js), example/import/export, live preview (preview.js), downloads.
   Without this script the same buttons work as a plain form handled by POST /. */
"use strict";
(function () {
  const H = window.huibao;
  const form = document.getElementById("facts-form");
  if (!form) return;
  const kind = form.dataset.kind;
  // A stored document (/?document=ID, see stored.js) keeps its browser copy apart from the kind's draft.
  const documentId = new URLSearchParams(location.search).get("document");
  const drafts = new H.Drafts(documentId ? kind + ".document." + documentId : kind);
  const ATTRS = ["id", "for", "name", "aria-describedby", "data-row", "data-list", "href"];
  let otherVersion = null;

  // ------------------------------------------------------------------ draft and history

  function entries() {
    const out = [];
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string" && name !== "op") out.push([name, value]);
    });
    return out;
  }
  H.entries = entries;

  function save() {
    drafts.save(entries());
    if (H.onSaved) H.onSaved();
  }

  function updateUndo() {
    const h = drafts.history();
    const button = document.getElementById("btn-undo");
    button.hidden = !h.length;
    if (h.length) button.textContent = "撤销（恢复" + h[h.length - 1].label + "）";
  }

  /** Keep the form's current content in the undo history before a destructive action. */
  function remember(label) {
    drafts.push(label, entries());
    updateUndo();
  }

  function todayIso() {
    const d = new Date();
    const pad = function (n) { return String(n).padStart(2, "0"); };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /** Replace the form fields with server-rendered ones for ``body`` (form fields or facts). */
  async function replaceFields(body, isJson) {
    const res = await H.request("/web/fields", {
      method: "POST",
      headers: { "Content-Type": isJson ? "application/json" : "application/x-www-form-urlencoded" },
      body: isJson ? JSON.stringify(body) : new URLSearchParams(body),
    });
    if (!res.ok) {
      H.showErrors(H.plainErrors(await H.errorsOf(res)));
      return false;
    }
    const newKind = res.headers.get("X-Huibao-Kind") || kind;
    const html = await res.text();
    if (newKind !== kind) {
      // Another kind: keep its fields as that kind's draft and open its page.
      const holder = document.createElement("form");
      holder.append(H.fragment(html));
      const list = [];
      new FormData(holder).forEach(function (v, n) {
        if (typeof v === "string") list.push([n, v]);
      });
      new H.Drafts(newKind).save(list);
      location.assign("/?kind=" + encodeURIComponent(newKind));
      return false;
    }
    H.clearErrors();
    document.getElementById("fields").replaceWith(H.fragment(html));
    save();
    H.previewStale();
    return true;
  }

  H.replaceFields = replaceFields;
  H.remember = remember;
  H.localDraft = function () { return drafts.load(); };

  document.getElementById("btn-undo").addEventListener("click", async function () {
    const step = drafts.pop();
    updateUndo();
    if (!step) return;
    if (await replaceFields(step.entries, false)) H.status("已撤销，恢复了" + step.label);
  });

  drafts.onOther = function (other) {
    otherVersion = other;
    document.getElementById("tab-notice").hidden = false;
  };
  document.getElementById("btn-take-other").addEventListener("click", async function () {
    if (!otherVersion) return;
    const other = otherVersion;
    remember("本页原来的内容");
    drafts.acknowledge(other.saved);
    document.getElementById("tab-notice").hidden = true;
    if (await replaceFields(other.entries, false)) H.status("已换成另一标签页的内容（本页原来的内容可点“撤销”找回）");
  });
  document.getElementById("btn-keep-mine").addEventListener("click", function () {
    if (otherVersion) {
      drafts.push("另一标签页的内容", otherVersion.entries);
      drafts.acknowledge(otherVersion.saved);
    }
    document.getElementById("tab-notice").hidden = true;
    save();
    updateUndo();
    H.status("已保留本页内容（另一标签页的内容可点“撤销”找回）");
  });

  // ------------------------------------------------------------------ rows

  function esc(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function rowOf(path) {
    return Array.from(form.querySelectorAll("li.row")).find(function (li) { return li.dataset.row === path; });
  }

  function listOf(path) {
    return Array.from(form.querySelectorAll("ol.rows")).find(function (ol) { return ol.dataset.list === path; });
  }

  function firstInput(el) {
    return el && el.querySelector("input:not([type=hidden]), select, textarea");
  }

  /** Give the rows of ``ol`` the paths ``list[0]``, ``list[1]``… after a move or removal. */
  function renumber(ol) {
    const base = ol.dataset.list;
    Array.from(ol.children).forEach(function (li, i) {
      const old = li.dataset.row;
      const now = base + "[" + i + "]";
      const no = li.querySelector(".row-no");
      if (no) no.textContent = String(i + 1);
      if (old === now) return;
      const re = new RegExp("(^|[-: ])" + esc(old) + "(?=$|[.[# ])", "g");
      [li].concat(Array.from(li.querySelectorAll("*"))).forEach(function (el) {
        ATTRS.concat(el.tagName === "BUTTON" ? ["value"] : []).forEach(function (a) {
          const v = el.getAttribute(a);
          if (v && v.indexOf(old) >= 0) el.setAttribute(a, v.replace(re, "$1" + now));
        });
      });
    });
  }

  /** Add an empty row to the list at ``path``: after the row ``after`` (an li) when given, else
      at the end; its first field gets the focus. */
  async function addRow(path, after) {
    const ol = listOf(path);
    if (!ol) return;
    const fieldset = ol.closest("fieldset");
    const max = fieldset && fieldset.dataset.max ? Number(fieldset.dataset.max) : 0;
    if (max && ol.children.length >= max) {
      H.status("最多只能填 " + max + " 项");
      return;
    }
    const rowPath = path + "[" + ol.children.length + "]";
    const res = await H.request("/web/row?kind=" + encodeURIComponent(kind) + "&path=" + encodeURIComponent(rowPath));
    if (!res.ok) {
      H.showErrors(await H.errorsOf(res));
      return;
    }
    const fragment = H.fragment(await res.text());
    const row = fragment.firstElementChild;
    if (after && after.parentElement === ol) {
      after.after(fragment);
      renumber(ol);
    } else {
      ol.append(fragment);
    }
    const input = firstInput(row);
    if (input) input.focus();
    save();
    const legend = fieldset.querySelector("legend");
    H.status("已添加" + (legend ? legend.textContent : "") + "第" + (Array.from(ol.children).indexOf(row) + 1) + "项");
  }

  function rowHasContent(li) {
    return Array.from(li.querySelectorAll("input[type=text], textarea")).some(function (el) { return el.value.trim(); });
  }

  function removeRow(path, ask) {
    const li = rowOf(path);
    if (!li) return;
    if (ask && rowHasContent(li) && !window.confirm("删除这一项？删除后可点“撤销”恢复。")) return;
    remember("删除前的内容");
    const ol = li.parentElement;
    const next = li.nextElementSibling || li.previousElementSibling;
    const addButton = ol.parentElement.querySelector(":scope > button.add");
    li.remove();
    renumber(ol);
    (firstInput(next) || addButton).focus();
    save();
    H.previewStale();
    H.status("已删除该项（可点“撤销”恢复）");
  }

  function moveRow(path, up, button) {
    const li = rowOf(path);
    if (!li) return;
    const ol = li.parentElement;
    const other = up ? li.previousElementSibling : li.nextElementSibling;
    if (!other) {
      H.status(up ? "已经是第一项" : "已经是最后一项");
      return;
    }
    if (up) ol.insertBefore(li, other);
    else ol.insertBefore(other, li);
    renumber(ol);
    button.focus();
    save();
    H.previewStale();
    H.status("已移到第" + (Array.from(ol.children).indexOf(li) + 1) + "项");
  }

  /** Set a field's value as if typed (select or input) and let the form react. */
  H.setField = function (path, value) {
    const el = document.getElementById("f-" + path);
    if (!el) return;
    el.value = value;
    el.dispatchEvent(new Event("change", { bubbles: true }));
    el.focus();
  };

  /** Remove every row of the list at ``path`` (undoable). */
  H.clearList = function (path) {
    const ol = listOf(path);
    if (!ol) return;
    remember("清除前的内容");
    ol.replaceChildren();
    save();
    H.previewStale();
  };

  H.rows = { listOf: listOf, firstInput: firstInput, addRow: addRow, replaceFields: replaceFields, remember: remember };

  // ------------------------------------------------------------------ facts, downloads

  function updateCountLabels() {
    const list = document.getElementById("count-labels");
    if (!list) return;
    const labels = [];
    form.querySelectorAll("input[name^='counts['][name$='.label']").forEach(function (el) {
      if (el.value.trim() && labels.indexOf(el.value.trim()) < 0) labels.push(el.value.trim());
    });
    list.replaceChildren.apply(list, labels.map(function (l) {
      const o = document.createElement("option");
      o.value = l;
      return o;
    }));
  }

  async function download(fmt) {
    H.status("正在生成文件…", true);
    const got = await H.factsOf();
    if (got.errors) {
      H.status("");
      H.showErrors(got.errors);
      return;
    }
    const res = await H.request("/api/reports?format=" + encodeURIComponent(fmt), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(got.facts),
    });
    if (!res.ok) {
      H.status("");
      H.showErrors(H.plainErrors(await H.errorsOf(res)));
      return;
    }
    const name = H.filenameOf(res, "汇报." + fmt);
    H.saveBlob(await res.blob(), name);
    if (H.seen) H.seen.remember();
    H.clearErrors();
    H.status("已下载：" + name);
  }

  async function exportFacts() {
    const got = await H.factsOf();
    if (got.errors) {
      H.showErrors(got.errors);
      return;
    }
    const name = (document.getElementById("form-h").textContent || "汇报").replace(/^填写/, "") + "事实.json";
    H.saveBlob(new Blob([JSON.stringify(got.facts, null, 2)], { type: "application/json" }), name);
    H.status("已导出：" + name);
  }

  function confirmReplace(what) {
    return !H.hasContent(entries()) || window.confirm(what + "会替换表单中已填写的内容。替换后可点“撤销”恢复。继续吗？");
  }

  async function loadExample() {
    if (!confirmReplace("载入示例")) return;
    const res = await H.request("/api/kinds/" + encodeURIComponent(kind));
    if (!res.ok) {
      H.showErrors(await H.errorsOf(res));
      return;
    }
    const data = await res.json();
    remember("载入示例前的内容");
    if (await replaceFields(data.example, true)) H.status("已载入示例（原内容可点“撤销”恢复）");
  }

  async function importFile(file) {
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch (e) {
      H.showErrors([{ field: null, message: "导入失败：“" + file.name + "”不是有效的 JSON 文件" }]);
      return;
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) {
      H.showErrors([{ field: null, message: "导入失败：JSON 文件应为一个对象（事实）" }]);
      return;
    }
    remember("导入前的内容");
    if (await replaceFields(data, true)) H.status("已导入“" + file.name + "”（原内容可点“撤销”恢复）");
  }

  async function clearForm() {
    if (H.hasContent(entries()) && !window.confirm("清空表单中已填写的全部内容？清空后可点“撤销”恢复。")) return;
    remember("清空前的内容");
    if (H.seen) H.seen.remember();
    if (await replaceFields({ kind: kind, signed_on: todayIso() }, true)) H.status("已清空（可点“撤销”恢复）");
  }

  // ------------------------------------------------------------------ wiring

  function edited(ev) {
    if (ev.target.type === "file" || ev.target.dataset.quick !== undefined) return;
    const offer = ev.target.closest(".field") && ev.target.closest(".field").querySelector(".suggestion");
    if (offer && ev.target.value.trim()) offer.remove();
    if (/\.label$/.test(ev.target.name || "")) updateCountLabels();
    save();
    H.previewStale();
  }
  // A focused field partly under the sticky button bar is scrolled up above it.
  form.addEventListener("focusin", function (ev) {
    const bar = form.querySelector(":scope > .actions");
    if (!bar || bar.contains(ev.target)) return;
    const below = ev.target.getBoundingClientRect().bottom - bar.getBoundingClientRect().top;
    if (below > 0) window.scrollBy(0, below + 12);
  });

  form.addEventListener("input", edited);
  form.addEventListener("change", function (ev) {
    if (ev.target.id === "import-file") {
      if (ev.target.files.length) importFile(ev.target.files[0]);
      ev.target.value = "";
      return;
    }
    edited(ev);
  });

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    const button = ev.submitter;
    const op = (button && button.value) || "preview";
    const m = /^(add|remove|up|down):(.+)$/.exec(op);
    let job;
    if (m && m[1] === "add") job = addRow(m[2]);
    else if (m && m[1] === "remove") job = Promise.resolve(removeRow(m[2], true));
    else if (m) job = Promise.resolve(moveRow(m[2], m[1] === "up", button));
    else if (op === "preview") job = H.preview(false);
    else if (op === "example") job = loadExample();
    else if (op === "export") job = exportFacts();
    else if (op === "clear") job = clearForm();
    else if (op === "import") job = Promise.resolve(document.getElementById("import-file").click());
    else job = download(op);
    job.catch(function (e) {
      H.showErrors([{ field: null, message: "页面出错：" + e.message + "；已填写的内容仍保存在本浏览器中" }]);
    });
  });

  const picker = document.getElementById("kind-select");
  if (picker) {
    picker.addEventListener("change", function () {
      save();
      location.assign("/?kind=" + encodeURIComponent(picker.value));
    });
  }

  // On a fresh page restore the saved draft; after a server round trip keep what it shows.
  updateUndo();
  const draft = drafts.load();
  function ready() {
    form.dataset.ready = "1";
  }
  if (documentId) {
    ready(); // stored.js loads the document
  } else if (form.dataset.serverState) {
    save();
  } else if (draft && H.hasContent(draft.entries)) {
    drafts.acknowledge(draft.saved);
    replaceFields(draft.entries, false).then(function (ok) {
      if (ok) H.status("已恢复上次未完成的草稿（保存于 " + new Date(draft.saved).toLocaleString("zh-CN") + "）");
      ready();
    });
    return;
  }
  ready();
})();
