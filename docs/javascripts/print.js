// Before the page is printed (the browser's print dialog, or a PDF): paper is
// white, so the page takes the light scheme (its figures and colours); every
// answer and solution opens; and every image is fetched now, lazy ones too (the
// figures further down, each playground's static figure that only print shows),
// since paper shows them all. After printing, the scheme and the answers the
// reader had closed come back. The print styles are at the end of extra.css.
(() => {
  let opened = [];
  let scheme = null;
  window.addEventListener("beforeprint", () => {
    scheme = document.body.getAttribute("data-md-color-scheme");
    document.body.setAttribute("data-md-color-scheme", "default");
    opened = [...document.querySelectorAll("details:not([open])")];
    for (const details of opened) details.open = true;
    for (const image of document.querySelectorAll("img[loading=lazy]")) image.loading = "eager";
  });
  window.addEventListener("afterprint", () => {
    if (scheme !== null) document.body.setAttribute("data-md-color-scheme", scheme);
    for (const details of opened) details.open = false;
    opened = [];
  });
})();
