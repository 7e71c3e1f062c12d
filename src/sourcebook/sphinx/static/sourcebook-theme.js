// sourcebook: small theme-level accessibility repairs that templates cannot reach.
document.addEventListener("DOMContentLoaded", () => {
  // Scrollable code/table regions must be reachable by keyboard (axe: scrollable-region-focusable).
  for (const el of document.querySelectorAll(".bd-sidebar-primary .sidebar-primary-items__start, .table-wrapper")) {
    if (el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth) el.tabIndex = 0;
  }
});
