/* The report form's live preview: follows edits (debounced), says 已过期 while it does not match
   the form, never leaves an old draft looking valid after a failure, shows how numbers were read
   and puts every warning beside its field (with the switch when an option left a field out). */
"use strict";
(function () {
  const H = window.huibao;
  const form = document.getElementById("facts-form");
  if (!form) return;
  const kindName = form.dataset.kindName || "";
  const DELAY_MS = 1200;
  let timer = null;
  let seq = 0;
  let lastText = "";

  /** Return API errors without the kind's name in front (情况汇报：应为数字 → 应为数字). */
  function plain(errors) {
    return errors.map(function (e) {
      const m = e.message || "";
      return { field: e.field, message: m.indexOf(kindName + "：") === 0 ? m.slice(kindName.length + 1) : m };
    });
  }
  H.plainErrors = plain;

  function value(path) {
    const el = document.getElementById("f-" + path);
    return el ? el.value : "";
  }

  /** Why an option left a field out, and the switch that puts it in (by warning field). */
  const REASONS = [
    {
      re: /^background$/,
      when: function () { return value("options.opening") !== "background"; },
      why: "“开头怎么写”选“背景开头”时才写入背景。",
      fix: { label: "改用背景开头", run: function () { H.setField("options.opening", "background"); } },
    },
    {
      re: /^basis$/,
      when: function () { return value("options.opening") === "background"; },
      why: "选了“背景开头”时，开头只写背景，不写依据。",
      fix: { label: "改用依据开头", run: function () { H.setField("options.opening", "basis"); } },
    },
    {
      re: /^(measures\[\d+\])\.heading$/,
      when: function () { return true; },
      why: "填了四字对句时，用对句作小标题。",
      fix: {
        label: "不用四字对句",
        run: function (m) { H.clearList(m[1] + ".phrases"); },
      },
    },
  ];

  function setState(kind, text) {
    const el = document.getElementById("preview-state");
    el.hidden = !text;
    el.textContent = text;
    el.className = "preview-state " + kind;
    document.getElementById("preview-page").classList.toggle("stale", kind !== "fresh");
  }

  /** Mark the preview as not matching the form and schedule a quiet refresh. */
  H.previewStale = function () {
    const page = document.getElementById("preview-page");
    if (page.querySelector(".hb-page")) setState("stale", "预览已过期：表单已修改，正在等待更新…");
    clearTimeout(timer);
    if (!H.hasContent(H.entries())) return; // an empty form has nothing to preview yet
    timer = setTimeout(function () { H.preview(true); }, DELAY_MS);
  };

  function showReadings(readings) {
    form.querySelectorAll(".reading").forEach(function (p) {
      const path = p.id.slice(2);
      const text = readings && readings[path];
      p.textContent = text || "";
      p.hidden = !text;
    });
  }

  /** Offer values for empty fields (the 单位自称 from the unit name): one click puts it in. */
  function showSuggestions(suggestions) {
    form.querySelectorAll(".suggestion").forEach(function (p) { p.remove(); });
    Object.keys(suggestions || {}).forEach(function (path) {
      const el = document.getElementById("f-" + path);
      const offered = suggestions[path];
      if (!el || el.value.trim() || !offered) return;
      const p = document.createElement("p");
      p.className = "suggestion";
      p.append("建议填写：");
      const b = document.createElement("button");
      b.type = "button";
      b.className = "small";
      b.textContent = "用“" + offered + "”";
      b.addEventListener("click", function () {
        p.remove();
        H.setField(path, offered);
        H.status("已填入“" + offered + "”");
      });
      p.append(b);
      el.after(p);
    });
  }

  function holderOf(path) {
    const el = H.findField(path);
    if (!el) return null;
    return el.matches("fieldset") ? el : el.closest(".field") || el;
  }

  function clearNotes() {
    form.querySelectorAll(".field-note").forEach(function (n) { n.remove(); });
  }

  /** Put each warning beside its field, with the reason and switch when an option caused it. */
  function showNotes(warnings) {
    clearNotes();
    warnings.forEach(function (w) {
      const holder = w.field && holderOf(w.field);
      if (!holder) return;
      const note = document.createElement("p");
      note.className = "field-note";
      note.textContent = w.message + "。";
      const reason = REASONS.find(function (r) { return r.re.test(w.field) && r.when(); });
      if (reason) {
        note.append(reason.why);
        const b = document.createElement("button");
        b.type = "button";
        b.className = "small";
        b.textContent = reason.fix.label;
        const m = reason.re.exec(w.field);
        b.addEventListener("click", function () { reason.fix.run(m); });
        note.append(" ", b);
      }
      const anchor = holder.matches("fieldset") ? holder.querySelector(":scope > legend") : holder.querySelector("label");
      (anchor || holder.firstChild).after(note);
    });
  }

  function blockFor(finding) {
    const lines = lastText.split("\n");
    const needle = (lines[finding.line - 1] || "").replace(/\s/g, "");
    const blocks = Array.from(document.querySelectorAll("#preview-page [data-block]"));
    const flat = function (b) { return b.textContent.replace(/\s/g, ""); };
    return (
      (needle && blocks.find(function (b) { return flat(b).indexOf(needle) >= 0; })) ||
      blocks.find(function (b) { return flat(b).indexOf(finding.text) >= 0; }) ||
      null
    );
  }

  function showBlock(block) {
    document.querySelectorAll(".hb-flagged").forEach(function (b) { b.classList.remove("hb-flagged"); });
    if (!block) return;
    block.classList.add("hb-flagged");
    block.setAttribute("tabindex", "-1");
    block.scrollIntoView({ block: "center" });
    block.focus({ preventScroll: true });
  }

  function link(text, onClick, href) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      onClick();
    });
    return a;
  }

  function fieldLink(item) {
    const target = H.findField(item.field);
    const label = target ? H.labelOf(target) : "";
    const named = label && item.message.indexOf("“" + label + "”") >= 0;
    return link((label && !named ? label + "：" : "") + item.message, function () { H.focusField(target); },
      target ? "#" + target.id : "#facts-form");
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
      li.append(fieldLink(w));
      ul.append(li);
    });
    findings.forEach(function (f) {
      const li = document.createElement("li");
      li.className = f.severity === "error" ? "error" : "finding";
      const block = blockFor(f);
      li.append(link("第" + f.line + "行“" + f.text + "”：" + f.message, function () { showBlock(block); }, "#preview-page"));
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

  /** Show a failed preview: the old draft is removed, the problems listed with links. */
  function failed(errors, quiet) {
    const box = document.getElementById("issues");
    box.replaceChildren();
    const h = document.createElement("h3");
    h.textContent = "预览未能更新，请先修改（" + errors.length + "）";
    const ul = document.createElement("ul");
    ul.className = "issue-list";
    errors.forEach(function (e) {
      const li = document.createElement("li");
      li.className = "error";
      li.append(fieldLink(e));
      ul.append(li);
    });
    box.append(h, ul);
    const p = document.createElement("p");
    p.className = "placeholder";
    p.textContent = "表单里还有需要修改的地方，改好后这里显示成稿。";
    document.getElementById("preview-page").replaceChildren(p);
    lastText = "";
    clearNotes();
    setState("failed", "预览未更新：表单有 " + errors.length + " 处需要修改");
    if (!quiet) H.showErrors(errors);
  }

  /** Return ``{facts}`` for the form, or ``{errors}``; numbers' readings are shown either way. */
  H.factsOf = async function () {
    const res = await H.request("/web/facts", { method: "POST", body: new URLSearchParams(H.entries()) });
    let data = null;
    try {
      data = await res.clone().json();
    } catch (e) {
      data = null;
    }
    showReadings(data && data.readings);
    showSuggestions(data && data.suggestions);
    if (!res.ok) return { errors: plain(await H.errorsOf(res)) };
    return { facts: data.facts };
  };

  /** Refresh the preview; ``quiet`` (while typing) lists problems in the preview pane only. */
  H.preview = async function (quiet) {
    clearTimeout(timer);
    const mine = ++seq;
    if (!quiet) H.status("正在生成预览…", true);
    setState("stale", "正在更新预览…");
    const got = await H.factsOf();
    if (mine !== seq) return;
    if (got.errors) {
      if (!quiet) H.status("");
      failed(got.errors, quiet);
      return;
    }
    const res = await H.request("/api/reports/preview", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(got.facts),
    });
    if (mine !== seq) return;
    if (!res.ok) {
      if (!quiet) H.status("");
      failed(plain(await H.errorsOf(res)), quiet);
      return;
    }
    const data = await res.json();
    if (mine !== seq) return;
    H.clearErrors();
    lastText = data.text || "";
    document.getElementById("preview-page").replaceChildren(H.fragment(data.html || ""));
    renderIssues(data);
    showNotes(data.warnings || []);
    setState("fresh", "预览与表单一致（" + new Date().toLocaleTimeString("zh-CN", { hour12: false }) + "）");
    if (quiet) return;
    const n = (data.warnings || []).length + (data.findings || []).length;
    H.status("预览已更新" + (n ? "，有 " + n + " 处需要注意" : "，没有发现问题"));
    const pane = document.getElementById("preview");
    const r = pane.getBoundingClientRect();
    if (r.top > window.innerHeight || r.bottom < 0) pane.scrollIntoView({ block: "start" });
  };

  // Server-rendered warnings (plain form post) link to their fields too.
  document.getElementById("issues").addEventListener("click", function (ev) {
    const a = ev.target.closest("a[data-focus]");
    if (!a) return;
    ev.preventDefault();
    H.focusField(document.getElementById(a.dataset.focus));
  });
})();
