"use client";

/** The call page's pinned toolbar (player, tabs, find); content scrolled "into view" must land below it. */
export const CALL_TOOLBAR_ID = "call-toolbar";

/** Where the visible band starts: the bottom of the pinned toolbar once it is stuck. */
function bandTop(): number {
  const toolbar = document.getElementById(CALL_TOOLBAR_ID);
  if (!toolbar) return 0;
  return (Number.parseFloat(getComputedStyle(toolbar).top) || 0) + toolbar.offsetHeight;
}

/** True when the element is fully visible below the toolbar. */
export function isInBand(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.top >= bandTop() && rect.bottom <= window.innerHeight;
}

/**
 * Scrolls the window so the element sits `fraction` of the way down the band below the toolbar. `smooth` glides
 * only over less than a screen: a longer way (a seek) jumps, so no long animation fights the reader's own scroll.
 */
export function scrollIntoBand(element: Element, { fraction = 0.3, smooth = false } = {}) {
  const top = bandTop();
  const distance = element.getBoundingClientRect().top - top - (window.innerHeight - top) * fraction;
  const animate = smooth && Math.abs(distance) < window.innerHeight && !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  window.scrollTo({ top: Math.max(0, window.scrollY + distance), behavior: animate ? "smooth" : "instant" });
}
