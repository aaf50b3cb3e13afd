// mlprep's page script: math rendering, the mock interview timer, htmx settings.
(function () {
  "use strict";

  function renderMath(root) {
    if (!window.katex) return;
    (root || document).querySelectorAll(".math:not([data-rendered])").forEach(function (el) {
      el.setAttribute("data-rendered", "1");
      try {
        window.katex.render(el.textContent, el, {
          displayMode: el.classList.contains("display"),
          throwOnError: false,
        });
      } catch (err) {
        el.classList.add("math-error");
      }
    });
  }

  function startTimer() {
    var timer = document.getElementById("timer");
    if (!timer) return;
    var ends = Number(timer.dataset.ends) * 1000;
    function tick() {
      var left = Math.round((ends - Date.now()) / 1000);
      var sign = left < 0 ? "−" : "";
      var abs = Math.abs(left);
      timer.textContent = sign + Math.floor(abs / 60) + ":" + String(abs % 60).padStart(2, "0");
      timer.classList.toggle("low", left >= 0 && left < 300);
      timer.classList.toggle("over", left < 0);
      timer.title = left < 0 ? "Over time" : "Time left";
    }
    tick();
    setInterval(tick, 1000);
  }

  // Each load of a form gets its own submission id (a double click sends the same one,
  // so the server records it once) and the time it was opened (for time spent).
  function newNonce() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return String(Math.random()).slice(2) + String(Date.now());
  }
  function stampForms(root) {
    (root || document).querySelectorAll("input[data-nonce]").forEach(function (input) {
      if (!input.value) input.value = newNonce();
    });
    (root || document).querySelectorAll("input[data-opened]").forEach(function (input) {
      if (!input.value) input.value = String(Math.floor(Date.now() / 1000));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    stampForms(document);
    if (window.htmx) {
      // Error fragments (4xx) are messages for the learner: swap them in like any other.
      window.htmx.config.responseHandling = [
        { code: "204", swap: false },
        { code: "[23]..", swap: true },
        { code: "[45]..", swap: true, error: true },
        { code: "...", swap: false },
      ];
    }
    renderMath(document);
    startTimer();
  });
  // No inline handlers (the CSP forbids them): forms that ask first say so in data-confirm.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-back]");
    if (link && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    renderMath(event.target);
  });
  // Once an answer has been handled, the next press of Submit is a new attempt.
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest("form");
    if (!form || !event.detail.successful) return;
    var nonce = form.querySelector("input[data-nonce]");
    if (nonce) nonce.value = newNonce();
  });
  // A 403 after the server restarted: the page's token is from the old process. Fetch
  // the current one (same origin only) so that sending the kept text again just works.
  function refreshToken() {
    return fetch("/csrf", { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || !data.token) return null;
        var meta = document.querySelector('meta[name="csrf-token"]');
        if (meta) meta.setAttribute("content", data.token);
        document.body.setAttribute("hx-headers", JSON.stringify({ "X-CSRF-Token": data.token }));
        document.querySelectorAll('input[name="csrf"]').forEach(function (input) {
          input.value = data.token;
        });
        return data.token;
      })
      .catch(function () { return null; });
  }
  window.mlprepRefreshToken = refreshToken;
  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 403) refreshToken();
  });
  // -- drafts: the answer box is saved as the learner types --------------------------
  var DRAFT_DELAY_MS = 600;
  var draft = { pending: false, timer: null, inflight: null };

  function draftForm() {
    return document.querySelector("form[data-draft-url]");
  }
  function draftBody(form) {
    var params = new URLSearchParams();
    ["csrf", "mock", "source", "answer"].forEach(function (name) {
      var field = form.querySelector('[name="' + name + '"]');
      if (field) params.set(name, field.value);
    });
    return params;
  }
  function draftStatus(text) {
    var status = document.getElementById("draft-status");
    if (status) status.textContent = text;
  }
  function saveDraft(retried) {
    var form = draftForm();
    if (!form) return Promise.resolve();
    clearTimeout(draft.timer);
    draftStatus("Saving draft…");
    var sent = draftBody(form).toString();
    draft.inflight = fetch(form.dataset.draftUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: sent,
    })
      .then(function (response) {
        if (response.status === 403 && !retried) {
          // The server restarted: take its new token and save again.
          return refreshToken().then(function () { return saveDraft(true); });
        }
        if (!response.ok) throw new Error(String(response.status));
        return response.text().then(function (text) {
          // Typing during the save keeps the draft pending until the next save.
          if (draftBody(form).toString() === sent) draft.pending = false;
          draftStatus(text);
        });
      })
      .catch(function () {
        draftStatus("Draft not saved: the server did not answer. Your text is still here.");
      });
    return draft.inflight;
  }
  document.addEventListener("input", function (event) {
    var form = draftForm();
    if (!form || !form.contains(event.target)) return;
    if (event.target.name !== "source" && event.target.name !== "answer") return;
    draft.pending = true;
    clearTimeout(draft.timer);
    draft.timer = setTimeout(saveDraft, DRAFT_DELAY_MS);
  });
  window.mlprepDraft = {
    pending: function () { return draft.pending; },
    save: function () { return saveDraft(false); },
  };
  // Leaving with an unsaved draft: ask first, and send what is there on the way out.
  window.addEventListener("beforeunload", function (event) {
    if (!draft.pending) return;
    event.preventDefault();
    event.returnValue = "";
  });
  window.addEventListener("pagehide", function () {
    var form = draftForm();
    if (!draft.pending || !form || !navigator.sendBeacon) return;
    var blob = new Blob([draftBody(form).toString()], {
      type: "application/x-www-form-urlencoded",
    });
    navigator.sendBeacon(form.dataset.draftUrl, blob);
  });

  // -- the editor's buttons -------------------------------------------------------------
  document.addEventListener("click", function (event) {
    var reset = event.target.closest && event.target.closest("#reset-starter");
    if (!reset) return;
    var starter = document.getElementById("starter-code");
    var source = document.querySelector('textarea[name="source"]');
    if (!starter || !source || !window.mlprepEditor) return;
    if (!window.confirm(reset.dataset.confirmReset)) return;
    window.mlprepEditor.setText(source, starter.value);
    window.mlprepEditor.focus(source);
  });
  // "Run on this input": a failing test's input goes into the custom-input box.
  document.addEventListener("click", function (event) {
    var use = event.target.closest && event.target.closest("button.use-input");
    if (!use) return;
    var box = document.querySelector('input[name="custom_input"]');
    if (!box) return;
    box.value = use.dataset.input;
    var details = box.closest("details");
    if (details) details.open = true;
    box.focus();
  });
  // After Run or Submit, the keyboard is back in the editor (the buttons were disabled
  // while the request ran, which drops focus to the page).
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest("form");
    if (!form || form.id !== "answer-form") return;
    var box = form.querySelector('textarea[name="source"]');
    if (box && window.mlprepEditor) window.mlprepEditor.focus(box);
    else if ((box = form.querySelector('textarea[name="answer"]'))) box.focus();
  });

  // When the server cannot be reached, say so where the result would have appeared.
  document.addEventListener("htmx:sendError", function (event) {
    var target = event.detail.target;
    if (target) {
      target.innerHTML = '<div class="message error" role="alert"><p>The mlprep server ' +
        "did not answer. Is it still running? Your text is still here.</p></div>";
    }
  });
})();
