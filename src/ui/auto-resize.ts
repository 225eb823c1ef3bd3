/**
 * Keeps the sidebar iframe as tall as its content; one resize per frame at most, none when unchanged.
 * The ResizeObserver reports the first size too, after layout: measuring here would force a layout
 * while the sidebar is starting.
 */
export function autoResize(element: HTMLElement, resize: (height: number) => void): () => void {
  let last = -1;
  const observer = new ResizeObserver((entries) => {
    const entry = entries[entries.length - 1]!;
    const height = Math.ceil(entry.borderBoxSize?.[0]?.blockSize ?? entry.target.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      resize(height);
    }
  });
  observer.observe(element);
  return () => observer.disconnect();
}
