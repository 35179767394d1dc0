// Before the page is printed (the browser's print dialog, or a PDF), open every
// answer and solution, so that paper shows them, and fetch the images that only
// print shows (each playground's static figure): lazy images are fetched only
// once on screen, which they never are. After printing, the answers the reader
// had closed close again. The print styles are at the end of extra.css.
(() => {
  let opened = [];
  window.addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll("details:not([open])")];
    for (const details of opened) details.open = true;
    for (const image of document.querySelectorAll(".gd-print-only img[loading=lazy]")) {
      image.loading = "eager";
    }
  });
  window.addEventListener("afterprint", () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
})();
