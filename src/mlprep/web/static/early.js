// Loaded before the page's body and not deferred: until htmx has run, a form it drives
// has no method or action, so pressing its button would make the browser send the
// answer as a GET of the page (a reload, nothing graded). Such a submit is held and
// handed to htmx once the page's scripts have set the form up.
(function () {
  "use strict";
  var ready = false;
  var held = null;

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (ready || !form.hasAttribute || !form.hasAttribute("hx-post")) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    held = form;
    form.setAttribute("aria-busy", "true");
  }, true);

  document.addEventListener("DOMContentLoaded", function () {
    // This listener runs first (it was added first): wait for htmx's and app.js's.
    window.setTimeout(function () {
      ready = true;
      if (!held) return;
      var form = held;
      held = null;
      form.removeAttribute("aria-busy");
      if (form.requestSubmit) form.requestSubmit();
      else if (window.htmx) window.htmx.trigger(form, "submit");
    }, 0);
  });
})();
