// Printing: the light scheme, every answer open, every image fetched; undone after.
{
  let shut = [];
  let scheme;
  addEventListener("beforeprint", () => {
    scheme = document.body.dataset.mdColorScheme;
    document.body.dataset.mdColorScheme = "default";
    shut = [...document.querySelectorAll("details:not([open])")];
    shut.forEach((d) => (d.open = true));
    document.querySelectorAll("img[loading=lazy]").forEach((i) => (i.loading = "eager"));
  });
  addEventListener("afterprint", () => {
    document.body.dataset.mdColorScheme = scheme;
    shut.forEach((d) => (d.open = false));
  });
}
