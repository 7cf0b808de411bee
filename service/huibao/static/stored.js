/* The report form on a stored document (/?kind=…&document=ID, opened from 我的文稿): the document's
   facts are loaded into the form and every edit is saved to the server (debounced, If-Match), with
   a visible 已保存 time. The browser copy (draft.js) stays the offline fallback: when it is newer
   than the server's version it is restored and saved. A stale save is kept by the server as a
   revision (412); the clerk then chooses between the newer version and their own, nothing is lost.
   A final document is shown read-only. */
"use strict";
(function () {
  const H = window.huibao;
  const form = document.getElementById("facts-form");
  const id = new URLSearchParams(location.search).get("document");
  if (!form || !id || !H.replaceFields) return;
  const bar = document.getElementById("stored-doc");
  const url = "/api/documents/" + encodeURIComponent(id);
  const DELAY_MS = 1200;
  let doc = null;
  let loading = true;
  let timer = null;
  let saving = null;
  let again = false;
  let theirs = null; // the newer server version after a refused save
  let blocked = false; // saving stopped (finalised elsewhere, or the newer version unreachable)

  const SYNC_KEY = "huibao.synced.document." + id;

  /** Return what the browser copy last matched on the server: ``{saved, version}``. */
  function synced() {
    try {
      return JSON.parse(localStorage.getItem(SYNC_KEY) || "null") || { saved: "", version: 0 };
    } catch (e) {
      return { saved: "", version: 0 };
    }
  }

  /** Note that the browser copy saved at ``saved`` is the server's version ``version``. */
  function markSynced(saved, version) {
    try {
      localStorage.setItem(SYNC_KEY, JSON.stringify({ saved: saved || "", version: version }));
    } catch (e) {
      /* storage unavailable: the server copy is the only one */
    }
  }

  function localSaved() {
    const local = H.localDraft();
    return (local && local.saved) || "";
  }

  function time(iso) {
    return new Date(iso || Date.now()).toLocaleTimeString("zh-CN", { hour12: false });
  }

  function show(text, kind) {
    bar.hidden = false;
    bar.dataset.state = kind || "ok";
    document.getElementById("stored-text").textContent = text;
  }

  function describe() {
    const what = (doc.issue ? "第" + doc.issue + "期 · " : "") + (doc.title || "未命名文稿");
    return what + (doc.status === "final" ? " · 已定稿（" + (doc.number || "") + "）" : " · 草稿");
  }

  async function errorText(response) {
    return H.plainErrors(await H.errorsOf(response)).map(function (e) { return e.message; }).join("；");
  }

  /** Save the form's facts over the version last seen; one save at a time, the last edit wins. */
  async function saveNow() {
    clearTimeout(timer);
    if (!doc || doc.status !== "draft" || theirs || blocked) return;
    if (saving) {
      again = true;
      return saving;
    }
    saving = (async function () {
      const sentAt = localSaved();
      const got = await H.factsOf();
      const facts = got.facts; // an incomplete draft has facts too; an unreadable entry has none
      if (!facts) {
        const offline = (got.errors || []).some(function (e) { return /无法连接/.test(e.message); });
        show(describe() + (offline
          ? " · 未能保存到服务器（无法连接），内容暂存在本浏览器，恢复连接后再打开即可保存"
          : " · 有无法读取的内容，暂存在本浏览器，改正后自动保存"), "warn");
        return;
      }
      const response = await H.request(url, {
        method: "PUT",
        headers: { "Content-Type": "application/json", "If-Match": '"' + doc.version + '"' },
        body: JSON.stringify({ facts: facts }),
      });
      if (response.ok) {
        doc = (await response.json()).document;
        markSynced(sentAt, doc.version);
        show(describe() + " · 已保存 " + time(doc.updated_at));
        return;
      }
      const errors = H.plainErrors(await H.errorsOf(response));
      const on = function (field) { return errors.some(function (e) { return e.field === field; }); };
      if (on("version")) {
        // A stale save: the server kept it as a revision; the clerk chooses which version goes on.
        const latest = await H.request(url);
        if (!latest.ok) {
          blocked = true;
          show(describe() + " · 另一处已修改这份文稿，暂时取不到最新版本：请刷新页面后再改（你的内容已保存为修订）", "conflict");
          return;
        }
        theirs = (await latest.json()).document;
        show(describe() + " · 另一处已修改这份文稿：你的内容已作为修订保存在服务器上，未覆盖任何内容。", "conflict");
        document.getElementById("stored-choice").hidden = false;
        return;
      }
      if (on("status")) {
        // Finalised elsewhere: the server kept nothing, the browser copy stays.
        blocked = true;
        form.querySelectorAll("input, textarea, select").forEach(function (el) { el.readOnly = true; });
        show(describe() + " · 这份文稿已在别处定稿，不能再修改；你的修改仍暂存在本浏览器中", "warn");
        return;
      }
      show(describe() + " · 未能保存到服务器（" + errors.map(function (e) { return e.message; }).join("；") +
        "），内容暂存在本浏览器", "warn");
    })();
    try {
      await saving;
    } finally {
      saving = null;
    }
    if (again) {
      again = false;
      return saveNow();
    }
  }

  H.onSaved = function () {
    if (loading || !doc || doc.status !== "draft") return;
    clearTimeout(timer);
    show(describe() + " · 有改动，正在保存…", "pending");
    timer = setTimeout(saveNow, DELAY_MS);
  };
  H.saveStored = saveNow;

  document.getElementById("btn-take-theirs").addEventListener("click", async function () {
    if (!theirs) return;
    H.remember("本页的内容");
    doc = theirs;
    theirs = null;
    document.getElementById("stored-choice").hidden = true;
    loading = true;
    await H.replaceFields(doc.facts, true);
    loading = false;
    markSynced(localSaved(), doc.version);
    show(describe() + " · 已载入最新版本（本页原来的内容可点“撤销”找回）");
  });
  document.getElementById("btn-keep-mine-stored").addEventListener("click", async function () {
    if (!theirs) return;
    doc = theirs;
    theirs = null;
    document.getElementById("stored-choice").hidden = true;
    await saveNow();
  });
  window.addEventListener("pagehide", function () {
    if (timer && doc && doc.status === "draft") saveNow();
  });

  async function load() {
    const response = await H.request(url);
    if (!response.ok) {
      show("无法打开这份文稿：" + (await errorText(response)), "warn");
      return;
    }
    doc = (await response.json()).document;
    if (doc.kind !== form.dataset.kind) {
      location.replace("/?kind=" + encodeURIComponent(doc.kind) + "&document=" + encodeURIComponent(id));
      return;
    }
    const local = H.localDraft();
    const mark = synced();
    const unsynced = local && H.hasContent(local.entries) && local.saved > mark.saved;
    if (unsynced && doc.status === "draft") {
      // Edits this browser made but the server never got (offline, closed too soon).
      await H.replaceFields(local.entries, false);
      loading = false;
      if (mark.version && doc.version !== mark.version) {
        theirs = doc; // changed elsewhere meanwhile: the clerk chooses, nothing is overwritten
        show(describe() + " · 本浏览器有未保存的内容，而这份文稿已在别处修改过：请选择保留哪一份。", "conflict");
        document.getElementById("stored-choice").hidden = false;
      } else {
        show(describe() + " · 已恢复本浏览器中尚未保存的内容，正在保存…", "pending");
        await saveNow();
      }
    } else {
      let kept = false;
      if (unsynced) {
        // Final now, with edits this browser never saved: they stay one 撤销 away.
        await H.replaceFields(local.entries, false);
        H.remember("本浏览器中未保存的修改");
        kept = true;
      }
      await H.replaceFields(doc.facts, true);
      loading = false;
      markSynced(localSaved(), doc.version);
      show(describe() + (doc.status === "draft" ? " · 已保存 " + time(doc.updated_at)
        : " · 只读" + (kept ? "（本浏览器中未保存的修改可点“撤销”找回）" : "")));
    }
    if (doc.status !== "draft") {
      form.querySelectorAll("input, textarea, select").forEach(function (el) { el.readOnly = true; });
    }
    form.dataset.document = String(doc.id);
  }

  load().catch(function (e) {
    show("打开文稿时出错：" + e.message, "warn");
  });
})();
