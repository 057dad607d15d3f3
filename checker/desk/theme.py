"""The desk's own look and keyboard: a little CSS on top of .streamlit/config.toml, and one small script.

No external assets: fonts are the machine's (Noto Arabic from Debian's fonts-noto-core, else the
browser's fallback), and the script is inline.
"""
from __future__ import annotations

import streamlit as st

CSS = """
<style>
.stMainBlockContainer { padding-top: 2.2rem; }
/* Captions and inline code at full text colour: the faded defaults miss the 4.5:1 contrast on our backgrounds. */
.stApp [data-testid="stCaptionContainer"] { opacity: .85 !important; }
.stApp [data-testid="stCaptionContainer"] code, .stApp p code, .stApp li code { color: inherit !important; }
/* Arabic and mixed text in every widget: its own direction, an Arabic font, nothing clipped. */
.stApp input, .stApp textarea, .stApp [data-baseweb="select"] > div,
.stApp [data-testid="stMarkdownContainer"] p, .stApp [data-testid="stMarkdownContainer"] li,
.stApp [data-testid="stCaptionContainer"], .stApp .stButton button p, .stApp code {
  unicode-bidi: plaintext; text-align: start;
}
.stApp input, .stApp textarea, .stApp [data-baseweb="select"] {
  font-family: "Source Sans", "Source Sans Pro", "Noto Sans Arabic", "Noto Naskh Arabic", sans-serif;
}
/* The triage list: one line per claim, left-aligned, the selected one outlined. */
.st-key-triage .stButton button { justify-content: flex-start; text-align: start; width: 100%;
  padding: .15rem .4rem; min-height: 0; }
/* Two lines at most; wrapping (not clipping) keeps the start of an Arabic claim visible. */
.st-key-triage .stButton button p { white-space: normal; display: -webkit-box; -webkit-line-clamp: 2;
  -webkit-box-orient: vertical; overflow: hidden; line-height: 1.45; }
.checker-progress { display: flex; height: .9rem; border-radius: .45rem; overflow: hidden;
  border: 1px solid rgba(128,128,128,.45); }
.checker-progress span { display: block; height: 100%; }
.checker-progress-legend { font-size: .85rem; margin-top: .2rem; }
.checker-article mark.claim:focus-visible { outline: 3px solid #1b4f9c; }
.checker-reasons li { margin-bottom: .25rem; }
</style>
"""

# j/k move, c confirm link, d done, n needs work, x not a claim, / filter, ? help; a click on a highlight
# selects its claim. Each key clicks the button that does the same, so the keyboard and the mouse share
# one code path and every action stays reachable without the script.
KEYS_SCRIPT = """
<script>
(function () {
  if (window.__checkerDesk) { return; }
  window.__checkerDesk = true;
  var keys = {
    "j": ".st-key-kb_next button", "k": ".st-key-kb_prev button",
    "c": ".st-key-detail [class*='-confirm'] button", "d": ".st-key-detail [class*='-status_done'] button",
    "n": ".st-key-detail [class*='-status_needs_work'] button",
    "x": ".st-key-detail [class*='-status_not_a_claim'] button", "?": ".st-key-kb_help button"
  };
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) {
      if (event.key === "Escape") { target.blur(); }
      return;
    }
    if (event.key === "/") {
      var box = document.querySelector(".st-key-filter_text input");
      if (box) { event.preventDefault(); box.focus(); }
      return;
    }
    var selector = keys[event.key];
    if (!selector) { return; }
    var button = document.querySelector(selector);
    if (button) { event.preventDefault(); button.click(); }
  });
  function pick(mark) {
    var ids = (mark.getAttribute("data-claims") || "").split(" ");
    var button = document.querySelector(".st-key-triage [class*='-" + ids[ids.length - 1] + "-pick'] button");
    if (button) { button.click(); }
  }
  document.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest("mark.claim");
    if (mark) { pick(mark); }
  });
  document.addEventListener("keydown", function (event) {
    var mark = event.target.closest && event.target.closest("mark.claim");
    if (mark && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); pick(mark); }
  }, true);
  // Keep the selected claim in view in the article and in the list when the selection changes.
  var shown = {};
  function reveal(paneSelector, itemSelector, keyOf) {
    var pane = document.querySelector(paneSelector);
    var item = pane && pane.querySelector(itemSelector);
    var key = item && keyOf(item);
    if (!item || shown[paneSelector] === key) { return; }
    shown[paneSelector] = key;
    var offset = item.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    if (offset < 0 || offset > pane.clientHeight - 40) { pane.scrollTop += offset - pane.clientHeight / 3; }
  }
  // Once a frame at most, and keyed by attributes: reading innerText on every change forced a layout.
  var queued = false;
  new MutationObserver(function () {
    if (queued) { return; }
    queued = true;
    requestAnimationFrame(function () {
      queued = false;
      reveal(".st-key-article", "mark.claim[aria-current='true']", function (m) { return m.getAttribute("data-claims"); });
      reveal(".st-key-triage", "button[kind='secondary']", function (b) {
        var row = b.closest("[class*='-pick']");
        return row ? row.className : "";
      });
    });
  }).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ["aria-current", "kind"]});
})();
</script>
"""

SHORTCUTS = """
| key | does |
|---|---|
| `j` / `k` | next / previous claim |
| `c` | confirm the link |
| `d` | mark done |
| `n` | needs work |
| `x` | not a claim |
| `/` | search the claims |
| `?` | show or hide this help |
"""


def apply_theme() -> None:
    """The CSS and the keyboard script, once per page run."""
    st.html(CSS)
    st.html(KEYS_SCRIPT, unsafe_allow_javascript=True)
