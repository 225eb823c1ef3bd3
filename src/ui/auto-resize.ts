/** Keeps the sidebar iframe as tall as its content; one resize per frame at most, none when unchanged. */
export function autoResize(element: HTMLElement, resize: (height: number) => void): () => void {
  let last = -1;
  let frame = 0;
  const measure = (): void => {
    frame = 0;
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      resize(height);
    }
  };
  const observer = new ResizeObserver(() => {
    if (!frame) frame = requestAnimationFrame(measure);
  });
  observer.observe(element);
  measure();
  return () => {
    observer.disconnect();
    if (frame) cancelAnimationFrame(frame);
  };
}
