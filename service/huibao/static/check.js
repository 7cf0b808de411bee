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

  /** Return the finding's text with blanks made visible: spaces as ␣, full-width ones as □. */
  function visible(text) {
    return text.replace(/ /g, "␣").replace(/\u3000/g, "□").replace(/\t/g, "⇥");
  }

  /** Return a finding's label: 第3行 “2026年□月□日”：message (the snippet never underlined). */
  function labelOf(f) {
    const frag = document.createDocumentFragment();
    const code = document.createElement("code");
    code.className = "snippet";
    code.textContent = "“" + visible(f.text) + "”";
    if (visible(f.text) !== f.text) code.title = "␣ 为空格，□ 为全角空格";
    frag.append("第" + f.line + "行 ", code, "：" + f.message);
    return frag;
  }

  function render(text, findings, source) {
    const list = document.getElementById("finding-list");
    list.replaceChildren();
    const marks = text !== null ? marked(text, findings) : {};
    document.getElementById("marked").hidden = text === null;
    findings.forEach(function (f, i) {
      const li = document.createElement("li");
      li.className = f.severity === "warning" ? "warning" : "error";
      const label = labelOf(f);
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
    const summary = findings.length ? "发现 " + findings.length + " 处问题" : "没有发现未填的占位符或其他问题";
    const summaryEl = document.getElementById("result-summary");
    summaryEl.textContent = (source ? source + "：" : "") + summary + "。";
    summaryEl.className = findings.length ? "count-warn" : "count-ok";
    const result = document.getElementById("result");
    result.hidden = false;
    H.status("检查完成，" + summary);
  }

  form.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    H.clearErrors();
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
    render(text, data.findings || [], file ? file.name : "");
  });
})();
