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
