/* The check page: send pasted text or a file to /api/check and mark each finding in the text. */
"use strict";
(function () {
  const H = window.huibao;
  const form = document.getElementById("check-form");
  const textArea = document.getElementById("f-text");
  const fileInput = document.getElementById("f-file");
  H.persistText(textArea, "huibao.check.text");

  /** Render ``text`` with every finding wrapped in a focusable <mark>. */
  function marked(text, findings) {
    const box = document.getElementById("marked");
    box.replaceChildren();
    const spans = findings
      .map(function (f, i) { return { f: f, i: i }; })
      .filter(function (x) { return x.f.end > x.f.start && text.slice(x.f.start, x.f.end) === x.f.text; })
      .sort(function (a, b) { return a.f.start - b.f.start; });
    let at = 0;
    const marks = {};
    spans.forEach(function (x) {
      if (x.f.start < at) return; // overlapping: the earlier finding keeps the mark
      box.append(document.createTextNode(text.slice(at, x.f.start)));
      const m = document.createElement("mark");
      m.id = "finding-" + x.i;
      m.tabIndex = -1;
      m.className = x.f.severity === "warning" ? "warning" : "error";
      m.title = x.f.message;
      m.textContent = text.slice(x.f.start, x.f.end);
      box.append(m);
      marks[x.i] = m;
      at = x.f.end;
    });
    box.append(document.createTextNode(text.slice(at)));
    return marks;
  }

  /** Blanks a finding may hold, each with the visible mark shown for it and its name. */
  const BLANKS = {
    " ": { mark: "␣", name: "空格", wide: false },
    "\u3000": { mark: "␣", name: "全角空格", wide: true },
    "\u00a0": { mark: "␣", name: "不换行空格", wide: false },
    "\t": { mark: "⇥", name: "制表符", wide: false },
    "\n": { mark: "↵", name: "换行", wide: false },
  };
  const BLANK_RE = /[ \u3000\u00a0\t\n]/;

  /** Append ``text`` to ``parent`` with every blank shown as a visible mark: a span holding
   * the mark (hidden from screen readers) and the blank's name (for them only). Returns
   * true when there was a blank. */
  function appendVisible(parent, text) {
    let run = "";
    let any = false;
    for (const ch of text) {
      const blank = BLANK_RE.test(ch) ? BLANKS[ch] : null;
      if (!blank) { run += ch; continue; }
      if (run) { parent.append(run); run = ""; }
      const span = document.createElement("span");
      span.className = blank.wide ? "blank wide" : "blank";
      span.title = blank.name;
      const mark = document.createElement("span");
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = blank.mark;
      const name = document.createElement("span");
      name.className = "visually-hidden";
      name.textContent = "（" + blank.name + "）";
      span.append(mark, name);
      parent.append(span);
      any = true;
    }
    if (run) parent.append(run);
    return any;
  }

  /** Return a finding's label (第3行 “2026年␣月␣日”：message, the snippet never underlined)
   * and whether its snippet shows blanks. */
  function labelOf(f) {
    const frag = document.createDocumentFragment();
    const code = document.createElement("code");
    code.className = "snippet";
    code.append("“");
    const blanks = appendVisible(code, f.text);
    code.append("”");
    frag.append("第" + f.line + "行 ", code, "：");
    // the text a message quotes in 「」 shows its blanks too (other spaces are wording)
    // (in an inline block, as the snippet: the link's underline would hide its underscores)
    f.message.split(/(「[^」]*」)/).forEach(function (part) {
      if (part.charAt(0) === "「") {
        const quoted = document.createElement("span");
        quoted.className = "quoted";
        appendVisible(quoted, part);
        frag.append(quoted);
      } else if (part) {
        frag.append(part);
      }
    });
    return { label: frag, blanks: blanks };
  }

  /** Show the findings of one check; ``total`` counts them all (the answer lists at most the
   * server's cap, the most severe first). */
  function render(text, findings, source, total) {
    const list = document.getElementById("finding-list");
    list.replaceChildren();
    const marks = text !== null ? marked(text, findings) : {};
    document.getElementById("marked").hidden = text === null;
    let blanks = false;
    findings.forEach(function (f, i) {
      const li = document.createElement("li");
      li.className = f.severity === "warning" ? "warning" : "error";
      const labelled = labelOf(f);
      const label = labelled.label;
      blanks = blanks || labelled.blanks;
      if (marks[i]) {
        const a = document.createElement("a");
        a.href = "#finding-" + i;
        a.append(label);
        a.addEventListener("click", function (ev) {
          ev.preventDefault();
          document.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
          marks[i].classList.add("current");
          marks[i].scrollIntoView({ block: "center" });
          marks[i].focus({ preventScroll: true });
        });
        li.append(a);
      } else {
        li.append(label);
      }
      if (f.suggestion) {
        const s = document.createElement("span");
        s.className = "suggest";
        s.textContent = "建议：" + f.suggestion;
        li.append(s);
      }
      list.append(li);
    });
    list.hidden = !findings.length;
    document.getElementById("blank-legend").hidden = !blanks;
    const count = Math.max(total || 0, findings.length);
    let summary = count ? "发现 " + count + " 处问题" : "没有发现未填的占位符或其他问题";
    if (count > findings.length) summary += "（列出最严重的 " + findings.length + " 处）";
    const summaryEl = document.getElementById("result-summary");
    summaryEl.textContent = (source ? source + "：" : "") + summary + "。";
    summaryEl.className = findings.length ? "count-warn" : "count-ok";
    const result = document.getElementById("result");
    result.hidden = false;
    H.status("检查完成，" + summary);
    // findings are a warning, in the status line too (not the green of a clean result)
    const status = document.getElementById("status");
    if (status) status.classList.toggle("warn", findings.length > 0);
  }

  form.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    H.clearErrors();
    const status = document.getElementById("status");
    if (status) status.classList.remove("warn");
    const file = fileInput.files[0];
    if (!file && !textArea.value.trim()) {
      H.showErrors([{ field: "text", message: "请粘贴要检查的文字，或选择一个文件" }]);
      return;
    }
    H.status("正在检查…", true);
    let res;
    if (file) {
      const body = new FormData();
      body.append("file", file);
      res = await H.request("/api/check", { method: "POST", body: body });
    } else {
      res = await H.request("/api/check", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: textArea.value }),
      });
    }
    if (!res.ok) {
      H.status("");
      H.showErrors(await H.errorsOf(res));
      return;
    }
    const data = await res.json();
    let text = typeof data.text === "string" ? data.text : null;
    if (text === null && !file) text = textArea.value;
    if (text === null && /\.(txt|md)$/i.test(file.name)) text = (await file.text()).replace(/^\uFEFF/, "");
    render(text, data.findings || [], file ? file.name : "", data.total);
  });
})();
