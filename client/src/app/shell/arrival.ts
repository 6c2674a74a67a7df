/**
 * Focus after a change of page (WCAG 2.4.3): the new page's heading takes focus, so a screen reader
 * announces it and Tab continues from there — after a link, a Send button or a login, whose own element
 * is gone with the old page. Until the person first taps, clicks or presses a key, focus is left alone:
 * the first page of a visit (and its loading states) starts at the skip link.
 */
let interacted = false;
if (typeof document !== "undefined") {
  const mark = () => {
    interacted = true;
  };
  document.addEventListener("pointerdown", mark, { capture: true, once: true });
  document.addEventListener("keydown", mark, { capture: true, once: true });
}

/** Focuses a page's heading once the person has interacted with the app. */
export function focusOnArrival(heading: HTMLElement | null): void {
  if (!interacted || !heading) return;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus();
}
