import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPoller, type PollerEnv } from './poller'

function fakeEnv(visible = true) {
  const listeners = new Set<() => void>()
  const env: PollerEnv & { visible: boolean; change: (v: boolean) => void; listeners: Set<() => void> } = {
    visible,
    listeners,
    isVisible: () => env.visible,
    onVisibilityChange: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    change(v: boolean) {
      env.visible = v
      for (const l of listeners) l()
    },
  }
  return env
}

describe('createPoller', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('runs at once and then every interval while visible', async () => {
    const task = vi.fn(() => Promise.resolve())
    const poller = createPoller(task, 60_000, fakeEnv())
    poller.start()
    expect(task).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(task).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(task).toHaveBeenCalledTimes(4)
    poller.stop()
    await vi.advanceTimersByTimeAsync(600_000)
    expect(task).toHaveBeenCalledTimes(4)
  })

  it('does not ask while hidden, and asks as soon as the tab is visible again', async () => {
    const task = vi.fn(() => Promise.resolve())
    const env = fakeEnv(false)
    const poller = createPoller(task, 60_000, env)
    poller.start()
    await vi.advanceTimersByTimeAsync(180_000)
    expect(task).not.toHaveBeenCalled()
    env.change(true)
    expect(task).toHaveBeenCalledTimes(1)
    poller.stop()
    expect(env.listeners.size).toBe(0)
  })

  it('never runs twice at once, and goes on after a failure', async () => {
    let finish: () => void = () => {}
    const task = vi.fn(() => new Promise<void>((resolve) => { finish = resolve }))
    const poller = createPoller(task, 60_000, fakeEnv())
    poller.start()
    void poller.poke()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(task).toHaveBeenCalledTimes(1)
    finish()
    await vi.advanceTimersByTimeAsync(0)
    const failing = createPoller(() => Promise.reject(new Error('down')), 1000, fakeEnv())
    await expect(failing.poke()).resolves.toBeUndefined()
    const second = poller.poke()
    expect(task).toHaveBeenCalledTimes(2)
    finish()
    await second
    poller.stop()
  })
})
