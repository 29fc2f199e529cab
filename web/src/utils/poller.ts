// Runs a task every `interval` ms while the page is visible, and once more as soon as it becomes visible again
// (a tab left in the background does not ask the server; coming back it is brought up to date). Runs never
// overlap: a tick during a run is skipped. Free of Vue so it can be tested with fake timers.
export interface PollerEnv {
  isVisible: () => boolean
  onVisibilityChange: (listener: () => void) => () => void // returns the unsubscribe
}

export interface Poller {
  start: () => void // runs at once, then every interval
  stop: () => void
  poke: () => Promise<void> // runs now (unless a run is under way), e.g. on a route change
}

export function browserVisibility(): PollerEnv {
  return {
    isVisible: () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
    onVisibilityChange: (listener) => {
      document.addEventListener('visibilitychange', listener)
      return () => document.removeEventListener('visibilitychange', listener)
    },
  }
}

export function createPoller(task: () => Promise<unknown>, interval: number, env: PollerEnv = browserVisibility()): Poller {
  let timer: ReturnType<typeof setInterval> | null = null
  let unsubscribe: (() => void) | null = null
  let running: Promise<void> | null = null

  function run(): Promise<void> {
    if (running) return running
    running = task()
      .then(() => undefined, () => undefined)
      .finally(() => { running = null })
    return running
  }

  return {
    start() {
      if (timer) return
      timer = setInterval(() => { if (env.isVisible()) void run() }, interval)
      unsubscribe = env.onVisibilityChange(() => { if (env.isVisible()) void run() })
      if (env.isVisible()) void run()
    },
    stop() {
      if (timer) clearInterval(timer)
      timer = null
      unsubscribe?.()
      unsubscribe = null
    },
    poke() {
      return env.isVisible() ? run() : Promise.resolve()
    },
  }
}
