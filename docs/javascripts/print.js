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
