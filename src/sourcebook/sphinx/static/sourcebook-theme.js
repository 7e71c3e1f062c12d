// sourcebook: small theme-level accessibility repairs that templates cannot reach.
document.addEventListener("DOMContentLoaded", () => {
  // Scrollable code/table regions must be reachable by keyboard (axe: scrollable-region-focusable).
  for (const el of document.querySelectorAll(".bd-sidebar-primary .sidebar-primary-items__start, .table-wrapper")) {
    if (el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth) el.tabIndex = 0;
  }
});
// A figure with a phone rendering (<picture>): on a narrow screen a tap opens that rendering,
// not the 1500 px wide PNG.
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a.image-reference");
  const source = link && link.querySelector("picture source[srcset]");
  if (source && window.matchMedia(source.media).matches) link.href = source.getAttribute("srcset");
});
