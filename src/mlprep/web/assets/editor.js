// The code editor of the question page: CodeMirror 6 with Python highlighting.
// Every <textarea data-editor="python"> is replaced by an editor that writes its
// text back into the textarea, so plain form posts and htmx requests carry it.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";

function attach(textarea) {
  if (textarea.dataset.editorAttached) return;
  textarea.dataset.editorAttached = "1";
  const view = new EditorView({
    doc: textarea.value,
    extensions: [
      basicSetup,
      keymap.of([indentWithTab]),
      python(),
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
    }
  },
};

document.addEventListener("DOMContentLoaded", () => attachAll(document));
document.addEventListener("htmx:afterSettle", (event) => attachAll(event.target));
