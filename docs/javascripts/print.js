// To print: the light scheme, every answer open, every image fetched. Undone after.
(() => {
  let opened = [];
  let scheme = null;
  addEventListener("beforeprint", () => {
    scheme = document.body.getAttribute("data-md-color-scheme");
    document.body.setAttribute("data-md-color-scheme", "default");
    opened = [...document.querySelectorAll("details:not([open])")];
    for (const d of opened) d.open = true;
    for (const i of document.querySelectorAll("img[loading=lazy]")) i.loading = "eager";
  });
  addEventListener("afterprint", () => {
    if (scheme !== null) document.body.setAttribute("data-md-color-scheme", scheme);
    for (const d of opened) d.open = false;
    opened = [];
  });
})();
