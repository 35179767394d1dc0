// Accessibility fixes for what Material's JavaScript adds to the page.
// Material wraps each code block's copy button in an unnamed <nav>: a page with
// several code blocks gets several navigation landmarks that a screen reader
// cannot tell apart (axe: landmark-unique). They are no site navigation, so they
// are no landmarks: role="none" keeps the button and drops the landmark.
// Material's search dialog has no accessible name (axe: aria-dialog-name).
(function () {
  function fix() {
    var search = document.querySelector(".md-search[role=dialog]:not([aria-label])");
    if (search) search.setAttribute("aria-label", "Search");
    document.querySelectorAll("nav.md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  }
  new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
  fix();
})();

// A code block that scrolls sideways must be reached with the keyboard (axe:
// scrollable-region-focusable). The build gives each one tabindex="0"
// (gdlesson.shaping.add_scroll_boxes); Material keeps it where the block scrolls,
// but only on a screen with hover: on a touch screen (a phone, or a tablet with a
// keyboard) it takes it away. Put it back on each block that scrolls, whenever
// Material takes it or the block's size changes (an answer opened, a turned phone).
(function () {
  function keep(code) {
    if (!code.hasAttribute("tabindex") && code.scrollWidth > code.clientWidth) {
      code.setAttribute("tabindex", "0");
    }
  }
  var blocks = document.querySelectorAll(".md-typeset pre > code");
  var sizes = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { keep(entry.target); });
  });
  var taken = new MutationObserver(function (records) {
    records.forEach(function (record) { keep(record.target); });
  });
  blocks.forEach(function (code) {
    sizes.observe(code);
    taken.observe(code, { attributes: true, attributeFilter: ["tabindex"] });
  });
})();

// Printing: the light scheme (restored after), every answer open, every image fetched.
{
  let scheme;
  addEventListener("beforeprint", () => {
    scheme = document.body.dataset.mdColorScheme;
    document.body.dataset.mdColorScheme = "default";
    document.querySelectorAll("details").forEach((d) => (d.open = true));
    document.querySelectorAll("img[loading=lazy]").forEach((i) => (i.loading = "eager"));
  });
  addEventListener("afterprint", () => (document.body.dataset.mdColorScheme = scheme));
}
