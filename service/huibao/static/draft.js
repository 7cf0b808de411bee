/* The report form's drafts in localStorage: the draft itself, an undo history that survives a
   reload (several steps), a visible "已自动保存" time, and two tabs of one kind that never
   overwrite each other silently (each tab has an id; the other tab's version goes to the history). */
"use strict";
(function () {
  const H = window.huibao;
  const HISTORY_STEPS = 10;
  const tabId = (function () {
    try {
      let id = sessionStorage.getItem("huibao.tab");
      if (!id) {
        id = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
        sessionStorage.setItem("huibao.tab", id);
      }
      return id;
    } catch (e) {
      return "tab";
    }
  })();

  function read(key) {
    try {
      return JSON.parse(localStorage.getItem(key) || "null");
    } catch (e) {
      return null;
    }
  }

  function write(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (e) {
      return false;
    }
  }

  /** Return true when ``entries`` hold anything typed (not just the kind and today's date). */
  function hasContent(entries) {
    return (entries || []).some(function (e) {
      return e[1] && e[1].trim() && e[0] !== "kind" && e[0] !== "signed_on" && !/^options\.|^script$/.test(e[0]);
    });
  }

  /** The draft and history of one report kind. */
  function Drafts(kind) {
    this.kind = kind;
    this.key = "huibao.draft." + kind;
    this.historyKey = "huibao.history." + kind;
    this.seen = (read(this.key) || {}).saved || "";
    this.onOther = null;
    const self = this;
    window.addEventListener("storage", function (ev) {
      if (ev.key !== self.key || !ev.newValue) return;
      let other;
      try {
        other = JSON.parse(ev.newValue);
      } catch (e) {
        return;
      }
      if (other && other.tab !== tabId && self.onOther) self.onOther(other);
    });
  }

  /** Return the saved draft ``{saved, tab, entries}``, else null. */
  Drafts.prototype.load = function () {
    const d = read(this.key);
    return d && Array.isArray(d.entries) ? d : null;
  };

  /** Save ``entries``; a newer version from another tab is first kept in the history. */
  Drafts.prototype.save = function (entries) {
    const stored = this.load();
    if (stored && stored.tab && stored.tab !== tabId && stored.saved > this.seen && hasContent(stored.entries)) {
      this.push("另一标签页的内容", stored.entries);
    }
    const saved = new Date().toISOString();
    if (!write(this.key, { v: 2, saved: saved, tab: tabId, entries: entries })) {
      H.status("浏览器不允许保存草稿，请在“高级”里导出事实文件自行保存");
      return;
    }
    this.seen = saved;
    const el = document.getElementById("saved-at");
    if (el) el.textContent = "已自动保存 " + new Date(saved).toLocaleTimeString("zh-CN", { hour12: false });
  };

  /** Note that the other tab's version has been seen (it will not be put in the history). */
  Drafts.prototype.acknowledge = function (saved) {
    if (saved > this.seen) this.seen = saved;
  };

  /** Return the undo history, newest last: ``[{label, saved, entries}]``. */
  Drafts.prototype.history = function () {
    const h = read(this.historyKey);
    return Array.isArray(h) ? h : [];
  };

  /** Keep ``entries`` in the undo history under ``label`` (the oldest step goes past the limit). */
  Drafts.prototype.push = function (label, entries) {
    const h = this.history();
    h.push({ label: label, saved: new Date().toISOString(), entries: entries });
    while (h.length > HISTORY_STEPS || (h.length > 1 && !write(this.historyKey, h))) h.shift();
    write(this.historyKey, h);
  };

  /** Remove and return the newest history step, else null. */
  Drafts.prototype.pop = function () {
    const h = this.history();
    const last = h.pop() || null;
    write(this.historyKey, h);
    return last;
  };

  H.Drafts = Drafts;
  H.hasContent = hasContent;
  H.tabId = tabId;
})();
