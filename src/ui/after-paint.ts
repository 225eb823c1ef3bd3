/**
 * Runs `run` once a frame has painted, two tasks after it, so what was queued while the frame ran
 * (input, the host's messages) goes first. Browsers pause frames in hidden iframes (a scrolled or
 * collapsed apps tray): after `fallbackMs` it runs anyway.
 */
export function afterPaint(run: () => void, fallbackMs = 100): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    run();
  };
  requestAnimationFrame(() => setTimeout(() => setTimeout(once, 0), 0));
  setTimeout(once, fallbackMs);
}
