/* The convert page: pasted text → /api/convert (JSON); an uploaded .docx → the converted .docx. */
"use strict";
(function () {
  const H = window.huibao;
  const form = document.getElementById("convert-form");
  const textArea = document.getElementById("f-text");
  const fileInput = document.getElementById("f-file");
  let resultName = "转换结果.txt";
  H.persistText(textArea, "huibao.convert.text");

  function options() {
    return {
      to: document.getElementById("f-to").value,
      repair: document.getElementById("f-repair").checked,
    };
  }

  form.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    H.clearErrors();
    const file = fileInput.files[0];
    const opts = options();
    const targetLabel = document.getElementById("f-to").selectedOptions[0].textContent;
    if (!file && !textArea.value.trim()) {
      H.showErrors([{ field: "text", message: "请粘贴要转换的文字，或选择一个 Word 文件" }]);
      return;
    }
    H.status("正在转换…", true);
    if (file) {
      const body = new FormData();
      body.append("file", file);
      body.append("to", opts.to);
      body.append("repair", opts.repair ? "true" : "false");
      const res = await H.request("/api/convert", { method: "POST", body: body });
      if (!res.ok) {
        H.status("");
        H.showErrors(await H.errorsOf(res));
        return;
      }
      const name = H.filenameOf(res, file.name.replace(/\.docx$/i, "") + "（" + targetLabel + "）.docx");
      H.saveBlob(await res.blob(), name);
      const changes = res.headers.get("X-Huibao-Changes");
      document.getElementById("result-summary").textContent =
        "已转换为" + targetLabel + "并下载：" + name + (changes ? "（改动 " + changes + " 处）" : "") + "。";
      document.getElementById("result-body").hidden = true;
      document.getElementById("result").hidden = false;
      H.status("已下载：" + name);
      return;
    }
    const res = await H.request("/api/convert", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: textArea.value, to: opts.to, repair: opts.repair }),
    });
    if (!res.ok) {
      H.status("");
      H.showErrors(await H.errorsOf(res));
      return;
    }
    const data = await res.json();
    const out = document.getElementById("result-text");
    out.value = data.text || "";
    document.getElementById("result-body").hidden = false;
    const n = Array.isArray(data.changes) ? data.changes.length : null;
    document.getElementById("result-summary").textContent =
      "已转换为" + targetLabel + (n !== null ? "，改动 " + n + " 处" : "") + "。";
    resultName = "转换结果（" + targetLabel + "）.txt";
    document.getElementById("result").hidden = false;
    H.status("转换完成");
  });

  document.getElementById("btn-copy").addEventListener("click", async function () {
    const out = document.getElementById("result-text");
    out.select();
    try {
      await navigator.clipboard.writeText(out.value);
      H.status("已复制到剪贴板");
    } catch (e) {
      H.status("请按 Ctrl+C 复制已选中的文字");
    }
  });
  document.getElementById("btn-save-txt").addEventListener("click", function () {
    H.saveBlob(new Blob([document.getElementById("result-text").value], { type: "text/plain;charset=utf-8" }), resultName);
  });
})();
