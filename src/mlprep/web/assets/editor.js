// The code editor of the question page: CodeMirror 6 with Python highlighting.
// Every <textarea data-editor="python"> is replaced by an editor that writes its
// text back into the textarea, so plain form posts and htmx requests carry it.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";

function measureFully(view) {
  const state = view.viewState;
  if (!state || !("printing" in state)) {
    view.requestMeasure();
    return;
  }
  state.printing = true;
  try {
    view.measure();
  } finally {
    state.printing = false;
  }
}

function attach(textarea) {
  if (textarea.dataset.editorAttached) return;
  textarea.dataset.editorAttached = "1";
  // The editor's accessible name and keyboard help come from the textarea it replaces.
  const content = { "aria-label": textarea.getAttribute("aria-label") || "Code editor" };
  const help = textarea.getAttribute("aria-describedby");
  if (help) content["aria-describedby"] = help;
  const view = new EditorView({
    doc: textarea.value,
    extensions: [
      basicSetup,
      // Tab indents; Escape then Tab leaves the editor (CodeMirror's tab-focus mode).
      keymap.of([indentWithTab]),
      python(),
      EditorView.contentAttributes.of(content),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) {
          textarea.value = update.state.doc.toString();
          textarea.dispatchEvent(new Event("input", { bubbles: true }));
        }
      }),
    ],
  });
  textarea.style.display = "none";
  textarea.insertAdjacentElement("afterend", view.dom);
  view.dom.classList.add("code-editor");
  // CodeMirror measures line heights only while the editor is on screen; one that
  // loads below the fold keeps its 14 px estimate, and the line numbers drift ~2.7 px
  // a line from the code until it is scrolled to or clicked. Measure it as CodeMirror
  // does for printing (whole document, visible or not), now and once fonts are in.
  measureFully(view);
  if (document.fonts && document.fonts.ready) {
    document.fonts.ready.then(() => measureFully(view));
  }
  // Tests and scripts can reach the editor through the textarea.
  textarea.editorView = view;
}

function attachAll(root) {
  (root || document).querySelectorAll('textarea[data-editor="python"]').forEach(attach);
}

window.mlprepEditor = {
  attachAll,
  setText(textarea, text) {
    const view = textarea.editorView;
    if (view) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    } else {
      textarea.value = text;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }
  },
  focus(textarea) {
    if (textarea.editorView) textarea.editorView.focus();
    else textarea.focus();
  },
};

document.addEventListener("DOMContentLoaded", () => attachAll(document));
document.addEventListener("htmx:afterSettle", (event) => attachAll(event.target));
