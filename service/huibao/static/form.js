/* The report form: rows, draft in localStorage, example/import/export, preview and downloads.
   Without this script the same buttons work as a plain form handled by POST /. */
"use strict";
(function () {
  const H = window.huibao;
  const form = document.getElementById("facts-form");
  if (!form) return;
  let kind = form.dataset.kind;
  const draftKey = function (k) {
    return "huibao.draft." + k;
  };
  const ATTRS = ["id", "for", "name", "aria-describedby", "data-row", "data-list", "href"];
  let undoEntries = null;
  let lastText = "";

  // ------------------------------------------------------------------ draft

  function entries() {
    const out = [];
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string" && name !== "op") out.push([name, value]);
    });
    return out;
  }

  function save() {
    try {
      localStorage.setItem(draftKey(kind), JSON.stringify({ v: 1, saved: new Date().toISOString(), entries: entries() }));
    } catch (e) {
      H.status("浏览器不允许保存草稿，请用“导出事实 JSON”自行保存");
    }
  }

  function loadDraft(k) {
    try {
      const d = JSON.parse(localStorage.getItem(draftKey(k)) || "null");
      return d && Array.isArray(d.entries) ? d : null;
    } catch (e) {
      return null;
    }
  }

  /** Replace the form fields with server-rendered ones for ``body`` (form fields or facts). */
  async function replaceFields(body, isJson) {
    const res = await H.request("/web/fields", {
      method: "POST",
      headers: { "Content-Type": isJson ? "application/json" : "application/x-www-form-urlencoded" },
      body: isJson ? JSON.stringify(body) : new URLSearchParams(body),
    });
    if (!res.ok) {
      H.showErrors(await H.errorsOf(res));
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
      localStorage.setItem(draftKey(newKind), JSON.stringify({ v: 1, saved: new Date().toISOString(), entries: list }));
      location.assign("/?kind=" + encodeURIComponent(newKind));
      return false;
    }
    H.clearErrors();
    document.getElementById("fields").replaceWith(H.fragment(html));
    save();
    return true;
  }

  function remember() {
    undoEntries = entries();
    document.getElementById("btn-undo").hidden = false;
  }

  document.getElementById("btn-undo").addEventListener("click", async function () {
    if (!undoEntries) return;
    const back = undoEntries;
    undoEntries = null;
    this.hidden = true;
    if (await replaceFields(back, false)) H.status("已撤销，恢复到之前的内容");
  });

  // ------------------------------------------------------------------ rows

  function esc(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function rowOf(path) {
    return Array.from(form.querySelectorAll("li.row")).find(function (li) {
      return li.dataset.row === path;
    });
  }

  function listOf(path) {
    return Array.from(form.querySelectorAll("ol.rows")).find(function (ol) {
      return ol.dataset.list === path;
    });
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

  async function addRow(path) {
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
    ol.append(H.fragment(await res.text()));
    const li = ol.lastElementChild;
    const input = firstInput(li);
    if (input) input.focus();
    save();
    const legend = fieldset.querySelector("legend");
    H.status("已添加" + (legend ? legend.textContent : "") + "第" + ol.children.length + "项");
  }

  function removeRow(path) {
    const li = rowOf(path);
    if (!li) return;
    remember();
    const ol = li.parentElement;
    const next = li.nextElementSibling || li.previousElementSibling;
    const addButton = ol.parentElement.querySelector(":scope > button.add");
    li.remove();
    renumber(ol);
    (firstInput(next) || addButton).focus();
    save();
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
    H.status("已移到第" + (Array.from(ol.children).indexOf(li) + 1) + "项");
  }

  // ------------------------------------------------------------------ facts, preview, download

  async function facts() {
    const res = await H.request("/web/facts", { method: "POST", body: new URLSearchParams(entries()) });
    if (!res.ok) {
      H.showErrors(await H.errorsOf(res));
      return null;
    }
    return (await res.json()).facts;
  }

  function blockFor(finding) {
    const lines = lastText.split("\n");
    const needle = (lines[finding.line - 1] || "").replace(/\s/g, "");
    const blocks = Array.from(document.querySelectorAll("#preview-page [data-block]"));
    const flat = function (b) {
      return b.textContent.replace(/\s/g, "");
    };
    return (
      (needle && blocks.find(function (b) { return flat(b).indexOf(needle) >= 0; })) ||
      blocks.find(function (b) { return flat(b).indexOf(finding.text) >= 0; }) ||
      null
    );
  }

  function showBlock(block) {
    document.querySelectorAll(".hb-flagged").forEach(function (b) {
      b.classList.remove("hb-flagged");
    });
    if (!block) return;
    block.classList.add("hb-flagged");
    block.setAttribute("tabindex", "-1");
    block.scrollIntoView({ block: "center" });
    block.focus({ preventScroll: true });
  }

  function issueLink(text, onClick, href) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      onClick();
    });
    return a;
  }

  function renderIssues(data) {
    const box = document.getElementById("issues");
    const warnings = data.warnings || [];
    const findings = data.findings || [];
    box.replaceChildren();
    if (!warnings.length && !findings.length) {
      const p = document.createElement("p");
      p.className = "ok";
      p.textContent = "没有发现问题。";
      box.append(p);
      return;
    }
    const h = document.createElement("h3");
    h.textContent = "需要注意（" + (warnings.length + findings.length) + "）";
    const ul = document.createElement("ul");
    ul.className = "issue-list";
    warnings.forEach(function (w) {
      const li = document.createElement("li");
      li.className = "warning";
      const target = H.findField(w.field);
      li.append(issueLink(w.message, function () { H.focusField(target); }, target ? "#" + target.id : "#facts-form"));
      ul.append(li);
    });
    findings.forEach(function (f) {
      const li = document.createElement("li");
      li.className = f.severity === "error" ? "error" : "finding";
      const block = blockFor(f);
      li.append(issueLink("第" + f.line + "行“" + f.text + "”：" + f.message, function () { showBlock(block); }, "#preview-page"));
      if (f.suggestion) {
        const s = document.createElement("span");
        s.className = "suggest";
        s.textContent = "建议：" + f.suggestion;
        li.append(s);
      }
      ul.append(li);
    });
    box.append(h, ul);
  }

  async function preview() {
    H.status("正在生成预览…", true);
    const f = await facts();
    if (!f) return;
    const res = await H.request("/api/reports/preview", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(f),
    });
    if (!res.ok) {
      H.status("");
      H.showErrors(await H.errorsOf(res));
      return;
    }
    const data = await res.json();
    H.clearErrors();
    lastText = data.text || "";
    document.getElementById("preview-page").replaceChildren(H.fragment(data.html || ""));
    renderIssues(data);
    const n = (data.warnings || []).length + (data.findings || []).length;
    H.status("预览已更新" + (n ? "，有 " + n + " 处需要注意" : "，没有发现问题"));
    const pane = document.getElementById("preview");
    const r = pane.getBoundingClientRect();
    if (r.top > window.innerHeight || r.bottom < 0) pane.scrollIntoView({ block: "start" });
  }

  async function download(fmt) {
    H.status("正在生成文件…", true);
    const f = await facts();
    if (!f) return;
    const res = await H.request("/api/reports?format=" + encodeURIComponent(fmt), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(f),
    });
    if (!res.ok) {
      H.status("");
      H.showErrors(await H.errorsOf(res));
      return;
    }
    const name = H.filenameOf(res, "汇报." + fmt);
    H.saveBlob(await res.blob(), name);
    H.clearErrors();
    H.status("已下载：" + name);
  }

  async function exportFacts() {
    const f = await facts();
    if (!f) return;
    const name = (document.getElementById("form-h").textContent || "汇报").replace(/^填写/, "") + "事实.json";
    H.saveBlob(new Blob([JSON.stringify(f, null, 2)], { type: "application/json" }), name);
    H.status("已导出：" + name);
  }

  async function loadExample() {
    const res = await H.request("/api/kinds/" + encodeURIComponent(kind));
    if (!res.ok) {
      H.showErrors(await H.errorsOf(res));
      return;
    }
    const data = await res.json();
    remember();
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
    remember();
    if (await replaceFields(data, true)) H.status("已导入“" + file.name + "”（原内容可点“撤销”恢复）");
  }

  // ------------------------------------------------------------------ wiring

  form.addEventListener("input", function (ev) {
    if (ev.target.type !== "file") save();
  });
  form.addEventListener("change", function (ev) {
    if (ev.target.id === "import-file") {
      if (ev.target.files.length) importFile(ev.target.files[0]);
      ev.target.value = "";
      return;
    }
    save();
  });

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    const button = ev.submitter;
    const op = (button && button.value) || "preview";
    const m = /^(add|remove|up|down):(.+)$/.exec(op);
    let job;
    if (m && m[1] === "add") job = addRow(m[2]);
    else if (m && m[1] === "remove") job = Promise.resolve(removeRow(m[2]));
    else if (m) job = Promise.resolve(moveRow(m[2], m[1] === "up", button));
    else if (op === "preview") job = preview();
    else if (op === "example") job = loadExample();
    else if (op === "export") job = exportFacts();
    else if (op === "clear") {
      remember();
      job = replaceFields({ kind: kind }, true).then(function (ok) {
        if (ok) H.status("已清空（可点“撤销”恢复）");
      });
    } else if (op === "import") job = Promise.resolve(document.getElementById("import-file").click());
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
  const draft = loadDraft(kind);
  if (form.dataset.serverState) {
    save();
  } else if (draft && draft.entries.length) {
    replaceFields(draft.entries, false).then(function (ok) {
      if (ok) H.status("已恢复上次未完成的草稿（保存于 " + new Date(draft.saved).toLocaleString("zh-CN") + "）");
      form.dataset.ready = "1";
    });
    return;
  }
  form.dataset.ready = "1";
})();
