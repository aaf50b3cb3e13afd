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
  // When the server cannot be reached, say so where the result would have appeared.
  document.addEventListener("htmx:sendError", function (event) {
    var target = event.detail.target;
    if (target) {
      target.innerHTML = '<div class="message error" role="alert"><p>The mlprep server ' +
        "did not answer. Is it still running? Your text is still here.</p></div>";
    }
  });
})();
