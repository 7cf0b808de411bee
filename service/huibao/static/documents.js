/* 我的文稿: series, documents, autosave with If-Match, history, restore, next period, compare. */
"use strict";
(function () {
  const H = window.huibao;
  const $ = function (id) { return document.getElementById(id); };
  const state = { series: null, doc: null, timer: null, saving: false, dirty: false };

  /** Call the API with a JSON body (access.js adds the session's token and asks for it on 401). */
  function api(url, options) {
    const opts = Object.assign({}, options || {});
    opts.headers = Object.assign({ "Content-Type": "application/json" }, opts.headers || {});
    return H.request(url, opts);
  }

  /** Show the errors of a failed response; return them. */
  async function fail(response) {
    const errors = await H.errorsOf(response);
    H.showErrors(errors);
    return errors;
  }

  function backupKey(id) { return "huibao.doc." + id; }

  function when(iso) {
    const d = new Date(iso);
    return isNaN(d) ? "" : d.toLocaleString("zh-CN", { hour12: false });
  }

  function cell(row, text) {
    const td = document.createElement("td");
    td.textContent = text == null ? "" : String(text);
    row.append(td);
    return td;
  }

  async function loadSeries() {
    const response = await api("/api/series");
    if (!response.ok) return fail(response);
    const list = $("series-list");
    list.replaceChildren();
    const series = (await response.json()).series;
    $("series-empty").hidden = series.length > 0;
    series.forEach(function (s) {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      b.className = "link";
      b.textContent = s.name + "（" + s.documents + " 份）";
      b.dataset.series = s.id;
      b.addEventListener("click", function () { selectSeries(s); });
      li.append(b);
      list.append(li);
    });
    if (!state.series && series.length) selectSeries(series[0]);
  }

  /** Fill the 新建系列 form's office choice with the stored offices (a new one by default). */
  async function loadOffices() {
    const response = await api("/api/offices");
    if (!response.ok) return;
    const offices = (await response.json()).offices || [];
    state.offices = offices;
    showLayout();
    const select = $("s-office");
    select.replaceChildren(select.options[0]);
    offices.forEach(function (o) {
      const option = document.createElement("option");
      option.value = o.id;
      option.textContent = o.name;
      select.append(option);
    });
    if (offices.length) select.value = String(offices[0].id);
    $("s-new-office").hidden = !!select.value;
    $("setup").open = $("setup").open || !offices.length;
  }

  /** Create the office (when new) and the series; select the new series. */
  async function setup(ev) {
    ev.preventDefault();
    H.clearErrors();
    let officeId = $("s-office").value;
    if (!officeId) {
      const office = { name: $("s-name").value.trim() };
      [["self_reference", "s-self"], ["recipient", "s-recipient"], ["code", "s-code"]].forEach(function (p) {
        const v = $(p[1]).value.trim();
        if (v) office[p[0]] = v;
      });
      if (!office.name) return H.showErrors([{ field: null, message: "请填写机关名称" }]);
      const made = await api("/api/offices", { method: "POST", body: JSON.stringify(office) });
      if (!made.ok) return fail(made);
      officeId = (await made.json()).office.id;
    }
    const series = {
      office_id: Number(officeId), name: $("s-series").value.trim(),
      kind: $("s-kind").value, cadence: $("s-cadence").value,
    };
    if (!series.name) return H.showErrors([{ field: null, message: "请填写系列名称" }]);
    const response = await api("/api/series", { method: "POST", body: JSON.stringify(series) });
    if (!response.ok) return fail(response);
    const created = (await response.json()).series;
    $("setup").open = false;
    $("s-series").value = "";
    H.status("已新建系列“" + created.name + "”：点“开始下一期”写第一期");
    state.series = null;
    await loadOffices();
    await loadSeries();
    const mine = Array.from(document.querySelectorAll("#series-list button"))
      .find(function (b) { return Number(b.dataset.series) === created.id; });
    if (mine) mine.click();
  }

  /** Show which layout the selected series' office uses, with upload and remove. */
  function showLayout() {
    const office = state.series && (state.offices || []).find(function (o) { return o.id === state.series.office_id; });
    $("layout-pane").hidden = !office;
    if (!office) return;
    $("layout-state").textContent = office.name + "：" + (office.layout
      ? "使用本机关版式（" + (office.layout.filename || "layout.docx") + "，" + when(office.layout.uploaded_at) + " 上传）"
      : "使用标准版式（GB/T 9704）");
    $("btn-layout-remove").hidden = !office.layout;
  }

  async function uploadLayout() {
    const file = $("f-layout").files[0];
    if (!file || !state.series) return;
    const form = new FormData();
    form.append("file", file);
    const response = await H.request("/api/offices/" + state.series.office_id + "/layout", {
      method: "PUT", body: form,
    });
    $("f-layout").value = "";
    if (!response.ok) return fail(response);
    H.clearErrors();
    H.status("已启用本机关版式：" + file.name);
    await loadOffices();
  }

  async function removeLayout() {
    if (!state.series || !window.confirm("恢复标准版式？本机关上传的版式文件将被删除。")) return;
    const response = await api("/api/offices/" + state.series.office_id + "/layout", { method: "DELETE" });
    if (!response.ok) return fail(response);
    H.status("已恢复标准版式");
    await loadOffices();
  }

  async function selectSeries(s) {
    state.series = s;
    showLayout();
    document.querySelectorAll("#series-list button").forEach(function (b) {
      b.setAttribute("aria-current", String(Number(b.dataset.series) === s.id));
    });
    $("list-h").textContent = s.name;
    $("btn-next").disabled = false;
    $("f-import").disabled = false;
    await loadDocs();
  }

  async function loadDocs() {
    const response = await api("/api/documents?series_id=" + state.series.id + "&limit=200");
    if (!response.ok) return fail(response);
    const body = $("doc-table").tBodies[0];
    body.replaceChildren();
    (await response.json()).documents.forEach(function (d) {
      const row = document.createElement("tr");
      const pick = document.createElement("input");
      pick.type = "checkbox";
      pick.value = d.id;
      pick.setAttribute("aria-label", "选择第" + d.issue + "期用于比较");
      pick.addEventListener("change", updateCompare);
      cell(row, "").append(pick);
      cell(row, d.issue);
      const open = document.createElement("button");
      open.type = "button";
      open.className = "link";
      open.textContent = d.title || "（无标题）";
      open.addEventListener("click", function () { openDoc(d.id); });
      cell(row, "").append(open);
      cell(row, d.status === "final" ? "已定稿 " + (d.number || "") : "草稿");
      cell(row, d.version);
      cell(row, when(d.updated_at));
      body.append(row);
    });
    updateCompare();
  }

  function picked() {
    return Array.from(document.querySelectorAll("#doc-table tbody input:checked")).map(function (i) { return i.value; });
  }

  function updateCompare() { $("btn-compare").disabled = picked().length !== 2; }

  async function compare() {
    const ids = picked().sort(function (a, b) { return a - b; });
    const response = await api("/api/compare?a=" + ids[0] + "&b=" + ids[1]);
    if (!response.ok) return fail(response);
    const body = $("compare-body");
    body.replaceChildren();
    (await response.json()).counts.forEach(function (c) {
      const row = document.createElement("tr");
      if (c.changed) row.className = "changed";
      cell(row, c.label);
      cell(row, c.before);
      cell(row, c.after);
      cell(row, c.changed ? (c.change == null ? "有变化" : (Number(c.change) > 0 ? "+" : "") + c.change) : "未变");
      body.append(row);
    });
    $("compare").hidden = false;
  }

  async function openDoc(id) {
    const response = await api("/api/documents/" + id);
    if (!response.ok) return fail(response);
    const doc = (await response.json()).document;
    state.doc = doc;
    const area = $("f-facts");
    area.value = JSON.stringify(doc.facts, null, 2);
    area.readOnly = doc.status !== "draft";
    state.dirty = false;
    $("editor").hidden = false;
    $("editor-h").textContent = doc.title || "文稿";
    showMeta();
    $("link-docx").href = "/api/documents/" + id + "/render";
    $("link-form").href = "/?kind=" + encodeURIComponent(doc.kind) + "&document=" + encodeURIComponent(id);
    $("link-form").textContent = doc.status === "draft" ? "在表单中填写" : "在表单中查看";
    $("btn-finalize").disabled = doc.status !== "draft";
    $("btn-save").disabled = doc.status !== "draft";
    const kept = localStorage.getItem(backupKey(id));
    if (kept && doc.status === "draft" && kept !== area.value) {
      area.value = kept;
      state.dirty = true;
      H.status("已恢复本浏览器暂存的未保存内容，正在保存……");
      scheduleSave(0);
    } else {
      $("saved").textContent = "";
    }
    await loadRevisions();
  }

  function showMeta() {
    const d = state.doc;
    $("doc-meta").textContent = "第" + (d.issue == null ? "—" : d.issue) + "期 · 第" + d.version + "版 · " +
      (d.status === "final" ? "已定稿 " + (d.number || "") : "草稿");
  }

  function scheduleSave(delay) {
    clearTimeout(state.timer);
    state.timer = setTimeout(save, delay);
  }

  /** Save the textarea over the version it was based on; a refused save is kept by the server. */
  async function save() {
    if (!state.doc || state.doc.status !== "draft" || !state.dirty) return;
    if (state.saving) {
      scheduleSave(500); // edits made while a save runs are saved after it
      return;
    }
    const sent = $("f-facts").value;
    let facts;
    try {
      facts = JSON.parse(sent);
    } catch (e) {
      $("saved").textContent = "JSON 格式有误，暂未保存（已暂存在本浏览器）";
      return;
    }
    state.saving = true;
    const id = state.doc.id;
    const response = await api("/api/documents/" + id, {
      method: "PUT",
      headers: { "If-Match": '"' + state.doc.version + '"' },
      body: JSON.stringify({ facts: facts }),
    });
    state.saving = false;
    if (response.ok) {
      state.doc = (await response.json()).document;
      const changedMeanwhile = $("f-facts").value !== sent;
      state.dirty = changedMeanwhile;
      if (changedMeanwhile) {
        scheduleSave(0); // typed while the save ran: the backup stays until that is saved too
      } else {
        localStorage.removeItem(backupKey(id));
        $("saved").textContent = "已保存 " + new Date().toLocaleTimeString("zh-CN", { hour12: false });
      }
      showMeta();
      loadRevisions();
      return;
    }
    const errors = await H.errorsOf(response.clone());
    if (response.status === 409 && errors.some(function (e) { return e.field === "status"; })) {
      // Finalised elsewhere: nothing was kept on the server, so the browser copy stays.
      H.showErrors(errors);
      $("saved").textContent = "文稿已在别处定稿，不能再修改；你的修改仍暂存在本浏览器中";
      $("f-facts").readOnly = true;
      state.doc.status = "final";
      return;
    }
    if (errors.some(function (e) { return e.field === "version"; })) {
      H.showErrors(errors);
      localStorage.removeItem(backupKey(id)); // a stale save: the server kept it as a revision
      await openDoc(id);
      return;
    }
    $("saved").textContent = "未保存：" + errors[0].message + "（修改仍暂存在本浏览器中）";
  }

  async function loadRevisions() {
    const id = state.doc.id;
    const response = await api("/api/documents/" + id + "/revisions");
    if (!response.ok) return fail(response);
    const list = $("revision-list");
    list.replaceChildren();
    const revisions = (await response.json()).revisions;
    revisions.forEach(function (r, i) {
      const li = document.createElement("li");
      li.append("第" + r.version + "版 " + when(r.created_at) + (r.conflict ? "（未能保存的并行修改，已保留）" : "") + " ");
      if (i > 0) {
        const diff = document.createElement("button");
        diff.type = "button";
        diff.textContent = "看改动";
        diff.addEventListener("click", function () { showDiff(revisions[i - 1].id, r.id); });
        li.append(diff, " ");
      }
      if (state.doc.status === "draft") {
        const restore = document.createElement("button");
        restore.type = "button";
        restore.textContent = "恢复此版";
        restore.addEventListener("click", function () { restoreRevision(r.id); });
        li.append(restore);
      }
      list.append(li);
    });
  }

  async function showDiff(a, b) {
    const response = await api("/api/documents/" + state.doc.id + "/diff?from=" + a + "&to=" + b);
    if (!response.ok) return fail(response);
    const changes = (await response.json()).changes;
    const box = $("diff");
    box.textContent = changes.length ? changes.map(function (c) {
      return c.field + "：" + JSON.stringify(c.before) + " → " + JSON.stringify(c.after);
    }).join("\n") : "两个版本相同";
    box.hidden = false;
  }

  async function restoreRevision(revId) {
    const response = await api("/api/documents/" + state.doc.id + "/revisions/" + revId);
    if (!response.ok) return fail(response);
    $("f-facts").value = JSON.stringify((await response.json()).revision.facts, null, 2);
    state.dirty = true;
    await save();
    H.status("已恢复为所选版本（作为新版本保存）");
  }

  async function startNext() {
    const response = await api("/api/series/" + state.series.id + "/next", { method: "POST" });
    if (!response.ok) return fail(response);
    const doc = (await response.json()).document;
    H.status("已新建第" + doc.issue + "期草稿：上一期的数字已作为比较数，请填入本期数字");
    await loadDocs();
    await openDoc(doc.id);
    loadSeries();
  }

  /** Read an existing report into draft facts and store it as this series' next period. */
  async function importFile() {
    const file = $("f-import").files[0];
    if (!file || !state.series) return;
    const form = new FormData();
    form.append("file", file);
    form.append("kind", state.series.kind);
    const read = await H.request("/api/import", { method: "POST", body: form });
    if (!read.ok) return fail(read);
    const imported = await read.json();
    const made = await api("/api/documents", {
      method: "POST", body: JSON.stringify({ series_id: state.series.id, facts: imported.facts }),
    });
    if (!made.ok) return fail(made);
    const doc = (await made.json()).document;
    $("f-import").value = "";
    const changed = imported.unplaced.length;
    H.status(imported.source === "facts"
      ? "已导入：读出文稿生成时的全部事实" + (changed ? "，" + changed + " 段在生成后改动过，请核对" : "")
      : "已导入：读出 " + (imported.facts.counts || []).length + " 项数据" +
        (changed ? "，" + changed + " 段未能归类，请核对补充" : ""));
    await loadDocs();
    await openDoc(doc.id);
    loadSeries();
  }

  async function finalizeDoc() {
    await save();
    const response = await api("/api/documents/" + state.doc.id + "/finalize", {
      method: "POST", headers: { "If-Match": '"' + state.doc.version + '"' },
    });
    if (!response.ok) return fail(response);
    const doc = (await response.json()).document;
    H.status("已定稿：" + doc.number);
    await loadDocs();
    await openDoc(doc.id);
  }

  $("f-facts").addEventListener("input", function () {
    if (!state.doc) return;
    state.dirty = true;
    localStorage.setItem(backupKey(state.doc.id), $("f-facts").value);
    $("saved").textContent = "正在编辑……";
    scheduleSave(1200);
  });
  $("btn-save").addEventListener("click", function () { state.dirty = true; save(); });
  $("btn-next").addEventListener("click", startNext);
  $("btn-compare").addEventListener("click", compare);
  $("btn-finalize").addEventListener("click", finalizeDoc);
  $("f-import").addEventListener("change", importFile);
  window.addEventListener("online", function () { scheduleSave(0); });
  $("setup-form").addEventListener("submit", function (ev) {
    setup(ev).catch(function (e) { H.showErrors([{ field: null, message: "页面出错：" + e.message }]); });
  });
  $("f-layout").addEventListener("change", function () {
    uploadLayout().catch(function (e) { H.showErrors([{ field: null, message: "页面出错：" + e.message }]); });
  });
  $("btn-layout-remove").addEventListener("click", removeLayout);
  $("s-office").addEventListener("change", function () { $("s-new-office").hidden = !!$("s-office").value; });
  loadSeries();
  loadOffices();
})();
