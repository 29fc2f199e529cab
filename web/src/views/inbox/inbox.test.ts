import { describe, expect, it } from 'vitest'
import { linkedWarningId } from '@/views/warning/warning'
import { badgeText, eventLevel, shortTime, warningLink } from './inbox'

describe('inbox', () => {
  it('colours an event by its level, or the one it came from when closed', () => {
    expect(eventLevel({ level: 'orange', previous_level: 'red' })).toBe('orange')
    expect(eventLevel({ level: 'none', previous_level: 'red' })).toBe('red')
    expect(eventLevel({ level: 'none', previous_level: 'none' })).toBe('none')
  })

  it('links an item to the warning centre, which reads the warning back from the query', () => {
    const link = warningLink({ event: { warning_id: 42 } as never })
    expect(link).toEqual({ path: '/warnings', query: { warning: '42' } })
    expect(linkedWarningId({ warning: '42' })).toBe(42)
    expect(linkedWarningId({ warning: 'x' })).toBeUndefined()
    expect(linkedWarningId({})).toBeUndefined()
  })

  it('shortens the time by how far back it is', () => {
    expect(shortTime('2026-11-27 18:25:03', '2026-11-27')).toBe('18:25')
    expect(shortTime('2026-03-02 08:05:00', '2026-11-27')).toBe('03-02 08:05')
    expect(shortTime('2025-12-31 23:59:59', '2026-01-01')).toBe('2025-12-31')
    expect(shortTime('odd', '2026-01-01')).toBe('odd')
  })

  it('shows no badge at zero and caps it', () => {
    expect(badgeText(0)).toBe('')
    expect(badgeText(7)).toBe('7')
    expect(badgeText(158)).toBe('99+')
  })
})
