// One queue of main-thread work for every chart on the page: chart start-ups and
// redraws. Once per animation frame, the queue runs in a task of its own for at most a
// small time budget, then waits for the next frame; so twenty charts starting together
// never block the page for long, and a chart, which queues at most one redraw at a
// time, draws at most once per frame.
//
// In a hidden page or an off-screen frame, where the browser runs no frames, it runs
// every 100 ms instead, so that a chart still starts and still shows its errors.
//
// The work runs in a message task posted by the frame callback rather than in the
// callback itself: a browser may run several frames' callbacks in one task (headless
// Chromium does), which would add their budgets up into one long task.

const BUDGET_MS = 12;
const queue = new Set();
/** Tasks that add a whole chart's HTML: at most one per frame, for the browser to lay out. */
const builds = new WeakSet();
const channel = new MessageChannel();
let waiting = false;

channel.port1.onmessage = () => {
  const start = performance.now();
  let built = false;
  for (const task of queue) {
    if (builds.has(task)) {
      if (built) continue;
      built = true;
    }
    queue.delete(task);
    try {
      task();
    } catch (error) {
      // Each task reports its own errors; one failure must not stop the others.
      console.error('autonomie:', error);
    }
    if (performance.now() - start > BUDGET_MS) break;
  }
  waiting = false;
  if (queue.size > 0) wait();
};

/** Waits for the next frame; in a hidden page or frame, which has none, for 100 ms. */
function wait() {
  waiting = true;
  let posted = false;
  const post = () => {
    if (!posted) channel.port2.postMessage(null);
    posted = true;
  };
  requestAnimationFrame(post);
  setTimeout(post, 100);
}

/**
 * Runs `task` after the next animation frame, after the tasks queued before it; with
 * `{ build: true }`, in a frame where no other build runs (a task that adds a chart's
 * HTML, which the browser then lays out). Returns a function that takes it out of the
 * queue if it has not run yet.
 */
export function requestFrameWork(task, { build = false } = {}) {
  if (build) builds.add(task);
  queue.add(task);
  if (!waiting) wait();
  return () => queue.delete(task);
}
