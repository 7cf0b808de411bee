/* Helpers shared by the huibao pages: status messages, the error shape, downloads. */
"use strict";
(function () {
  document.documentElement.classList.add("js");
  const H = (window.huibao = {});

  /** Show a short message in the page's aria-live status line. */
  H.status = function (text, busy) {
    const el = document.getElementById("status");
    if (!el) return;
    el.textContent = text || "";
    el.classList.toggle("busy", !!busy);
  };

  /** Return the element that shows ``path`` (or its nearest ancestor), else null. */
  H.findField = function (path) {
    let p = path || "";
    while (p) {
      const el = document.getElementById("f-" + p);
      if (el) return el;
      const shorter = p.replace(/(\[\d+\]|\.?[^.[\]]+)$/, "");
      if (shorter === p) break;
      p = shorter;
    }
    return null;
  };

  /** Return the visible name of a field or fieldset ("" when it has none). */
  H.labelOf = function (el) {
    let text = "";
    if (el.tagName === "FIELDSET") {
      const legend = el.querySelector(":scope > legend");
      text = legend ? legend.textContent : "";
    } else if (el.id) {
      const label = Array.from(document.querySelectorAll("label")).find(function (l) { return l.htmlFor === el.id; });
      text = label ? label.textContent : "";
    }
    return text.replace("（必填）", "").trim();
  };

  /** Move focus to a field (its own input, or the fieldset) and bring it into view. */
  H.focusField = function (el) {
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
  };

  /** Remove every shown error message. */
  H.clearErrors = function () {
    document.querySelectorAll(".field-error").forEach(function (e) {
      e.textContent = "";
      e.hidden = true;
    });
    document.querySelectorAll("[aria-invalid=true]").forEach(function (e) {
      e.removeAttribute("aria-invalid");
    });
    document.querySelectorAll(".invalid").forEach(function (e) {
      e.classList.remove("invalid");
    });
    const summary = document.getElementById("error-summary");
    if (summary) {
      summary.hidden = true;
      document.getElementById("error-list").replaceChildren();
    }
  };

  /** Show API errors ``[{field, message}]`` next to their fields and in the summary. */
  H.showErrors = function (errors) {
    H.clearErrors();
    const list = document.getElementById("error-list");
    const summary = document.getElementById("error-summary");
    errors.forEach(function (err) {
      const target = H.findField(err.field);
      let slotPath = err.field || "";
      let slot = null;
      while (slotPath && !(slot = document.getElementById("e-" + slotPath))) {
        const shorter = slotPath.replace(/(\[\d+\]|\.?[^.[\]]+)$/, "");
        if (shorter === slotPath) break;
        slotPath = shorter;
      }
      if (slot) {
        slot.textContent = slot.textContent ? slot.textContent + "；" + err.message : err.message;
        slot.hidden = false;
        const holder = slot.closest(".field, fieldset");
        if (holder) holder.classList.add("invalid");
      }
      if (target && target.matches("input, select, textarea")) target.setAttribute("aria-invalid", "true");
      const li = document.createElement("li");
      if (target) {
        const a = document.createElement("a");
        a.href = "#" + target.id;
        a.textContent = H.labelOf(target) ? H.labelOf(target) + "：" + err.message : err.message;
        a.addEventListener("click", function (ev) {
          ev.preventDefault();
          H.focusField(target);
        });
        li.append(a);
      } else {
        li.textContent = err.message;
      }
      list.append(li);
    });
    summary.hidden = false;
    summary.focus();
  };

  /** Return the error list of a failed response (the one error shape, or a generic message). */
  H.errorsOf = async function (response) {
    try {
      const data = await response.json();
      if (data && Array.isArray(data.errors) && data.errors.length) return data.errors;
    } catch (e) {
      /* not JSON */
    }
    if (response.status === 404 || response.status === 405) {
      return [{ field: null, message: "服务器暂未提供此功能（" + response.status + "），请联系管理员" }];
    }
    return [{ field: null, message: "服务器返回错误（" + response.status + "）" }];
  };

  /** Run ``fetch`` and turn a network failure into the error shape. */
  H.request = async function (url, options) {
    try {
      return await fetch(url, options);
    } catch (e) {
      return new Response(
        JSON.stringify({ ok: false, status: 0, errors: [{ field: null, message: "无法连接服务器，请检查网络后重试；已填写的内容不会丢失" }] }),
        { status: 503, headers: { "Content-Type": "application/json" } }
      );
    }
  };

  /** Return the download name of a response (RFC 6266 filename*), else ``fallback``. */
  H.filenameOf = function (response, fallback) {
    const cd = response.headers.get("Content-Disposition") || "";
    const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
    if (star) {
      try {
        return decodeURIComponent(star[1]);
      } catch (e) {
        /* fall through */
      }
    }
    const plain = /filename="([^"]+)"/i.exec(cd);
    return plain ? plain[1] : fallback;
  };

  /** Offer ``blob`` as a file download named ``name``. */
  H.saveBlob = function (blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 60000);
  };

  /** Keep ``textArea``'s text in localStorage under ``key`` and restore it on load. */
  H.persistText = function (textArea, key) {
    try {
      if (!textArea.value) textArea.value = localStorage.getItem(key) || "";
    } catch (e) {
      /* storage unavailable: the page still works, the text is just not kept */
    }
    textArea.addEventListener("input", function () {
      try {
        localStorage.setItem(key, textArea.value);
      } catch (e) {
        /* storage unavailable */
      }
    });
  };

  /** Return an inert fragment from trusted server HTML, without inline <style> (CSP). */
  H.fragment = function (html) {
    const t = document.createElement("template");
    t.innerHTML = html;
    t.content.querySelectorAll("style, script").forEach(function (s) {
      s.remove();
    });
    return t.content;
  };
})();
