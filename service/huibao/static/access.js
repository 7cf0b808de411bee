/* Who the page acts for. With HUIBAO_AUTH=token every /api/ call needs the office's token: it is
   asked for once per browser session (kept in sessionStorage) and sent with every same-origin
   /api/ fetch as "Authorization: Bearer …"; a refused token is asked for again with a message.
   On the report form, the office field offers the stored offices (hidden when there are none). */
"use strict";
(function () {
  const KEY = "huibao.token";
  const plainFetch = window.fetch.bind(window);
  let asking = null; // the open prompt, shared by calls refused at the same time

  function stored() {
    try {
      return sessionStorage.getItem(KEY) || "";
    } catch (e) {
      return "";
    }
  }

  function keep(token) {
    try {
      if (token) sessionStorage.setItem(KEY, token);
      else sessionStorage.removeItem(KEY);
    } catch (e) {
      /* storage unavailable: the token lasts as long as this page */
    }
    memory = token;
  }
  let memory = stored();

  /** Return true for a URL of this server's JSON API. */
  function isApi(input) {
    try {
      const url = new URL(typeof input === "string" ? input : input.url, window.location.href);
      return url.origin === window.location.origin && url.pathname.indexOf("/api/") === 0;
    } catch (e) {
      return false;
    }
  }

  /** Return ``init`` with the session's token in its headers (when there is one). */
  function withToken(input, init) {
    const opts = Object.assign({}, init || {});
    const headers = new Headers(opts.headers || (typeof input === "string" ? undefined : input.headers));
    const token = stored() || memory;
    if (token) headers.set("Authorization", "Bearer " + token);
    opts.headers = headers;
    return opts;
  }

  /** Ask for the token in a modal dialog; resolve to it, or "" when the clerk cancels. */
  function ask(message) {
    if (asking) return asking;
    asking = new Promise(function (resolve) {
      const dialog = document.createElement("dialog");
      dialog.id = "token-dialog";
      dialog.className = "token-dialog";
      dialog.setAttribute("aria-labelledby", "token-dialog-h");
      const form = document.createElement("form");
      form.method = "dialog";
      const title = document.createElement("h2");
      title.id = "token-dialog-h";
      title.textContent = "请输入 API 令牌";
      const note = document.createElement("p");
      note.id = "token-dialog-message";
      note.setAttribute("role", "alert");
      note.textContent = message;
      const label = document.createElement("label");
      label.htmlFor = "token-dialog-input";
      label.textContent = "令牌（向管理员索取，只保存在本浏览器会话中）";
      const input = document.createElement("input");
      input.id = "token-dialog-input";
      input.type = "password";
      input.autocomplete = "off";
      input.required = true;
      const ok = document.createElement("button");
      ok.type = "submit";
      ok.value = "ok";
      ok.className = "primary";
      ok.textContent = "确定";
      const cancel = document.createElement("button");
      cancel.type = "submit";
      cancel.value = "cancel";
      cancel.formNoValidate = true;
      cancel.textContent = "取消";
      form.append(title, note, label, input, ok, cancel);
      dialog.append(form);
      document.body.append(dialog);
      dialog.addEventListener("close", function () {
        const token = dialog.returnValue === "ok" ? input.value.trim() : "";
        dialog.remove();
        asking = null;
        resolve(token);
      });
      dialog.showModal();
      input.focus();
    });
    return asking;
  }

  /** fetch, with the token on /api/ calls; a 401 asks for the token and tries again. */
  window.fetch = async function (input, init) {
    if (!isApi(input)) return plainFetch(input, init);
    let response = await plainFetch(input, withToken(input, init));
    while (response.status === 401) {
      const sent = stored() || memory;
      const token = await ask(sent ? "令牌无效或已被撤销，请重新输入。" : "本服务要求 API 令牌才能使用。");
      if (!token) {
        keep("");
        return response;
      }
      keep(token);
      response = await plainFetch(input, withToken(input, init));
    }
    return response;
  };

  window.huibaoToken = { get: function () { return stored() || memory; }, set: keep };

  /* ---- the report form's office field: a choice of the stored offices ---- */

  let offices = null; // [names] once asked; [] when there are none (or no store)

  function officeField() {
    return document.querySelector('#fields input[name="office"]');
  }

  function offerOffices() {
    const input = officeField();
    if (!input || offices === null) return;
    const holder = input.closest(".field") || input.parentElement;
    holder.hidden = !offices.length && !input.value;
    if (offices.length && input.getAttribute("list") !== "office-choices") input.setAttribute("list", "office-choices");
  }

  async function loadOffices() {
    if (!officeField()) return;
    let names = [];
    try {
      const response = await window.fetch("/api/offices", { headers: { Accept: "application/json" } });
      if (response.ok) names = ((await response.json()).offices || []).map(function (o) { return o.name; });
    } catch (e) {
      /* no store: no choice */
    }
    offices = names;
    const list = document.createElement("datalist");
    list.id = "office-choices";
    list.append.apply(list, names.map(function (name) {
      const option = document.createElement("option");
      option.value = name;
      return option;
    }));
    document.body.append(list);
    offerOffices();
    const fields = document.getElementById("fields");
    if (fields && fields.parentElement) {
      // the fields are rendered again (draft restored, example, import): offer again
      new MutationObserver(offerOffices).observe(fields.parentElement, { childList: true, subtree: true });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", loadOffices);
  else loadOffices();
})();
