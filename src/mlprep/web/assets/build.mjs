// Rebuild src/mlprep/web/static/vendor from the pinned npm packages (see docs/web.md):
//   cd src/mlprep/web/assets && npm ci && node build.mjs
import { build } from "esbuild";
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "static", "vendor");
const modules = join(here, "node_modules");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "katex", "fonts"), { recursive: true });

await build({
  entryPoints: [join(here, "editor.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outfile: join(out, "editor.js"),
  legalComments: "none",
});

cpSync(join(modules, "htmx.org", "dist", "htmx.min.js"), join(out, "htmx.min.js"));
cpSync(join(modules, "katex", "dist", "katex.min.js"), join(out, "katex", "katex.min.js"));
// Only the woff2 fonts ship (every browser that runs CodeMirror 6 reads woff2), so the
// stylesheet's fallbacks to .woff and .ttf are removed rather than left dangling.
let css = readFileSync(join(modules, "katex", "dist", "katex.min.css"), "utf8");
css = css.replace(/,url\(fonts\/[^)]+\.(woff|ttf)\) format\("(woff|truetype)"\)/g, "");
writeFileSync(join(out, "katex", "katex.min.css"), css);
for (const name of readdirSync(join(modules, "katex", "dist", "fonts"))) {
  if (name.endsWith(".woff2")) {
    cpSync(join(modules, "katex", "dist", "fonts", name), join(out, "katex", "fonts", name));
  }
}
for (const [pkg, file] of [
  ["htmx.org", "LICENSE"],
  ["katex", "LICENSE"],
  ["codemirror", "LICENSE"],
]) {
  cpSync(join(modules, pkg, file), join(out, `LICENSE.${pkg}`));
}
const versions = {};
for (const pkg of ["htmx.org", "katex", "codemirror", "@codemirror/lang-python", "esbuild"]) {
  versions[pkg] = JSON.parse(readFileSync(join(modules, pkg, "package.json"), "utf8")).version;
}
writeFileSync(join(out, "VERSIONS.json"), JSON.stringify(versions, null, 2) + "\n");
console.log("built", out, versions);
