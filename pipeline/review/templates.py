"""The review site's page skeleton, stylesheet and script (inline; nothing is fetched).

Every page carries a Content-Security-Policy that allows only its own inline style and
script (by hash), images from the review folder, and nothing else: even if a paper's
text slipped through unescaped, an injected `<script>` or `onerror=` would not run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import defaultdict
from dataclasses import dataclass

# table -> (highlight background, accent colour); the order is the order shown
TABLE_COLOURS: dict[str, tuple[str, str]] = {
    "attendees": ("rgba(66, 146, 230, 0.28)", "#1f6fb8"),
    "apologies": ("rgba(245, 150, 30, 0.30)", "#b35f00"),
    "substitutes": ("rgba(140, 90, 220, 0.26)", "#6b3fb8"),
    "items": ("rgba(80, 170, 60, 0.26)", "#3a7d2a"),
    "decisions": ("rgba(225, 60, 85, 0.24)", "#b8283f"),
    "recommendations": ("rgba(230, 200, 0, 0.34)", "#8a7000"),
    "relations": ("rgba(30, 170, 155, 0.26)", "#1d7f75"),
    "declarations": ("rgba(255, 110, 40, 0.26)", "#a8431a"),
    "votes": ("rgba(40, 80, 200, 0.24)", "#24408f"),
    "vote_members": ("rgba(95, 135, 230, 0.22)", "#3c5aa8"),
    "documents": ("rgba(120, 120, 120, 0.22)", "#555555"),
    "bodies": ("rgba(200, 70, 170, 0.22)", "#8c2f7a"),
}
FALLBACK_COLOURS = ("rgba(150, 150, 150, 0.25)", "#777777")

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def esc(value: object) -> str:
    """Text from a document, made inert: HTML-escaped, control characters shown as U+FFFD.

    The replacement is one character for one, so offsets into the text stay valid."""
    return html.escape(_UNSAFE.sub("\ufffd", "" if value is None else str(value)), quote=True)


def css_name(table: str) -> str:
    """A table name reduced to characters safe in a class name."""
    return re.sub(r"[^a-z0-9_]", "_", table.lower()) or "_"


def colours(table: str) -> tuple[str, str]:
    return TABLE_COLOURS.get(table, FALLBACK_COLOURS)


@dataclass
class Mark:
    """One row's span in the text."""

    start: int
    end: int
    row: str  # the row id shared by the <mark> and the table row, e.g. "attendees-0"
    table: str
    label: str


def highlight(text: str, marks: list[Mark]) -> str:
    """`text` escaped, each mark's span wrapped in <mark> elements.

    Marks are ordered by (start, longest first): a mark inside another nests in it, and
    where two spans cross the inner one is closed and reopened, so the markup is always
    well formed. A row may thus own several <mark> elements, all with its data-row."""
    order = sorted(marks, key=lambda m: (m.start, -m.end, m.row))
    opens, closes = defaultdict(list), defaultdict(list)
    for n, mark in enumerate(order):
        opens[mark.start].append(n)
        closes[mark.end].append(n)
    bounds = sorted({0, len(text), *opens, *closes})
    out: list[str] = []
    active: set[int] = set()
    stack: list[int] = []
    for begin, finish in zip(bounds, bounds[1:], strict=False):
        active.difference_update(closes.get(begin, ()))
        active.update(opens.get(begin, ()))
        wanted = sorted(active)
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] == wanted[keep]:
            keep += 1
        out.append("</mark>" * (len(stack) - keep))
        for n in wanted[keep:]:
            mark = order[n]
            out.append(f'<mark class="t-{css_name(mark.table)}" data-row="{esc(mark.row)}" '
                       f'data-table="{esc(mark.table)}" title="{esc(mark.label)}">')
        stack = wanted
        out.append(esc(text[begin:finish]))
    out.append("</mark>" * len(stack))
    return "".join(out)


BASE_CSS = """
:root { --ink: #1d1d1f; --muted: #6b6b70; --line: #dcdce0; --paper: #fbfbf8; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--ink); background: #f1f1f3; }
a { color: #1f5fa8; }
header { padding: 10px 18px; background: #fff; border-bottom: 1px solid var(--line); }
header h1 { font-size: 17px; margin: 2px 0; overflow-wrap: anywhere; }
.meta { color: var(--muted); margin: 2px 0; }
.chip { display: inline-flex; align-items: center; gap: 4px; margin: 4px 6px 0 0;
        padding: 1px 8px; border-radius: 10px; border: 1px solid var(--line);
        background: #fff; font-size: 12px; cursor: pointer; user-select: none; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; vertical-align: top; padding: 4px 6px;
         border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
th { background: #f6f6f8; font-weight: 600; position: sticky; top: 0; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.zero { color: #b5b5ba; }
.wrap { padding: 14px 18px; max-width: 1400px; }
.structure img { max-width: 100%; height: auto; background: #fff;
                 border: 1px solid var(--line); border-radius: 4px; }
.empty { color: var(--muted); font-style: italic; }
"""

DOCUMENT_CSS = """
body.doc { display: flex; flex-direction: column; height: 100vh; }
body.doc header { flex: none; }
main { flex: 1; min-height: 0; display: grid;
       grid-template-columns: minmax(0, 1.25fr) minmax(340px, 1fr); }
#paper { overflow: auto; padding: 16px 22px; background: var(--paper); }
#text { margin: 0 0 40vh; white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4;
        font: 13.5px/1.6 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
#rows { overflow: auto; border-left: 1px solid var(--line); background: #fafafb; }
.tabs { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 4px;
        padding: 8px; background: #fafafb; border-bottom: 1px solid var(--line); }
.tabs button { font: inherit; font-size: 12px; padding: 3px 9px; cursor: pointer;
               border: 1px solid var(--line); border-radius: 12px; background: #fff; }
.tabs button.active { font-weight: 600; border-width: 2px; }
.panel { display: none; padding: 0 8px 12px; }
.panel.active { display: block; }
.panel th { position: static; }
.panel tbody tr { cursor: pointer; }
.panel tbody tr:hover { background: #f0f4fa; }
.panel tbody tr:focus { outline: 2px solid #1f5fa8; outline-offset: -2px; }
.panel tbody tr.selected { background: #fff4c2; }
.panel tbody tr.unplaced { cursor: default; color: var(--muted); }
mark { color: inherit; padding: 0; border-radius: 2px; cursor: pointer; }
mark.flash { animation: flash 1.6s ease-out 1; }
mark.selected { outline: 2px solid #1d1d1f; outline-offset: 1px; }
@keyframes flash { 0%, 30% { background: #ffe000; box-shadow: 0 0 0 3px #ffb300; }
                   100% { } }
.structure { padding: 8px; }
.structure summary { cursor: pointer; color: var(--muted); }
@media (max-width: 820px) {
  body.doc { height: auto; display: block; }
  main { display: block; }
  #rows { border-left: 0; border-top: 1px solid var(--line); }
}
@media (prefers-reduced-motion: reduce) { mark.flash { animation-duration: 0.8s; } }
"""


def table_css(tables: list[str]) -> str:
    """One colour rule per table, plus the rule the legend uses to hide its highlights."""
    rules = []
    for table in tables:
        name, (fill, accent) = css_name(table), colours(table)
        rules.append(f"mark.t-{name} {{ background: {fill}; box-shadow: inset 0 -2px {accent}; }}"
                     f"\n.sw-{name} {{ background: {fill}; border: 1px solid {accent}; }}"
                     f"\n.tabs button.t-{name}.active {{ border-color: {accent}; }}"
                     f"\nbody.hide-{name} mark.t-{name} {{ background: none; box-shadow: none;"
                     f" cursor: text; }}")
    return "\n".join(rules)


SCRIPT = r"""
(function () {
  "use strict";
  var text = document.getElementById("text");
  var reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  function marksOf(id) {
    return text ? text.querySelectorAll('mark[data-row="' + CSS.escape(id) + '"]') : [];
  }
  function showTab(name) {
    document.querySelectorAll(".tabs button").forEach(function (b) {
      b.classList.toggle("active", b.dataset.tab === name);
      b.setAttribute("aria-selected", b.dataset.tab === name ? "true" : "false");
    });
    document.querySelectorAll(".panel").forEach(function (p) {
      p.classList.toggle("active", p.dataset.panel === name);
    });
  }
  function select(id) {
    document.querySelectorAll(".selected").forEach(function (e) {
      e.classList.remove("selected");
    });
    document.querySelectorAll('[data-row="' + CSS.escape(id) + '"]').forEach(function (e) {
      e.classList.add("selected");
    });
  }
  function flash(id) {
    var marks = marksOf(id);
    if (!marks.length) { return false; }
    marks[0].scrollIntoView({block: "center", behavior: reduce ? "auto" : "smooth"});
    marks.forEach(function (m) {
      m.classList.remove("flash");
      void m.offsetWidth;  // restart the animation
      m.classList.add("flash");
    });
    document.body.dataset.flashed = id;
    return true;
  }
  document.querySelectorAll(".panel tbody tr[data-row]").forEach(function (row) {
    function go() {
      select(row.dataset.row);
      flash(row.dataset.row);
      history.replaceState(null, "", "#" + row.dataset.row);
    }
    row.addEventListener("click", go);
    row.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); }
    });
  });
  if (text) {
    text.addEventListener("click", function (e) {
      var mark = e.target.closest("mark[data-row]");
      if (!mark) { return; }
      var id = mark.dataset.row, table = mark.dataset.table;
      showTab(table);
      select(id);
      var row = document.querySelector('tr[data-row="' + CSS.escape(id) + '"]');
      if (row) { row.scrollIntoView({block: "nearest"}); }
    });
    text.addEventListener("animationend", function (e) {
      e.target.classList.remove("flash");
    });
  }
  document.querySelectorAll(".tabs button").forEach(function (b) {
    b.addEventListener("click", function () { showTab(b.dataset.tab); });
  });
  document.querySelectorAll(".legend input[data-table]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.dataset.table, !box.checked);
    });
  });
  var wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted && document.querySelector('tr[data-row="' + CSS.escape(wanted) + '"]')) {
    var table = document.querySelector('tr[data-row="' + CSS.escape(wanted) + '"]')
      .closest(".panel").dataset.panel;
    showTab(table);
    select(wanted);
    flash(wanted);
  }
})();
"""


def _digest(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def page(title: str, body: str, *, css: str = "", script: str = "", body_class: str = "") -> str:
    """A whole HTML page; `title` is escaped here, `body` must already be safe HTML."""
    style = BASE_CSS + css
    policy = ["default-src 'none'", "img-src 'self' file: data:", "base-uri 'none'",
              "form-action 'none'", f"style-src {_digest(style)}"]
    policy.append(f"script-src {_digest(script)}" if script else "script-src 'none'")
    script_tag = f"<script>{script}</script>" if script else ""
    klass = f' class="{esc(body_class)}"' if body_class else ""
    return ("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{'; '.join(policy)}\">\n"
            "<meta name=\"referrer\" content=\"no-referrer\">\n"
            f"<title>{esc(title)}</title>\n<style>{style}</style>\n</head>\n"
            f"<body{klass}>\n{body}\n{script_tag}\n</body>\n</html>\n")
