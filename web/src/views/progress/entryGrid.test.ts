import { describe, expect, it } from 'vitest'
import type { EntryItemVO, ReportVO } from '@/api/progress'
import {
  draftFromItem, draftToRequest, entryCounts, expectedCumulative, isChanged, isSubmittable, nextCell,
  previousIsLastMonth, validateDraft, withPrefill, type EntryContext, type EntryDraft, type MoveKey,
} from './entryGrid'

const march: EntryContext = { year: 2026, month: 3, previous_cumulative: 50_000_000, previous_month: '2026-02' }
const draft = (over: Partial<EntryDraft> = {}): EntryDraft => ({
  completed: '', cumulative: '', percent: '', text: '', problems: '', cumulativeTouched: false, ...over,
})
const report = (over: Partial<ReportVO> = {}): ReportVO => ({
  id: 1, project_id: 7, year: 2026, month: 3, status: 'draft', completed_this_month: 1_000_000, cumulative: 51_000_000,
  progress_text: '主体施工', progress_percent: 40, problems: '', photo_ids: [], due_on: '2026-04-05',
  first_submitted_on: null, on_time: false, days_late: 0, versions: [], version: 2, ...over,
})
const item = (over: Partial<EntryItemVO> = {}): EntryItemVO => ({
  project_id: 7, project_code: 'P7', project_name: '项目七', unit_name: '住建局', planned_month: 2_000_000,
  previous_cumulative: 50_000_000, previous_month: '2026-02', report: null, ...over,
})

describe('cumulative prefill', () => {
  it('follows previous + this month until typed by hand', () => {
    expect(withPrefill(draft({ completed: '100' }), march).cumulative).toBe('5100.00')
    expect(withPrefill(draft({ completed: '100', cumulative: '9999', cumulativeTouched: true }), march).cumulative).toBe('9999')
    expect(withPrefill(draft({ completed: 'abc' }), march).cumulative).toBe('')
  })

  it('starts a first report at this month', () => {
    const first = { ...march, previous_cumulative: null, previous_month: null }
    expect(expectedCumulative(first, '12.3456')).toBe(123_456)
    expect(withPrefill(draft({ completed: '12.3456' }), first).cumulative).toBe('12.3456')
  })

  it('knows the month before across the year end', () => {
    expect(previousIsLastMonth({ year: 2026, month: 1, previous_cumulative: 1, previous_month: '2025-12' })).toBe(true)
    expect(previousIsLastMonth({ year: 2026, month: 3, previous_cumulative: 1, previous_month: '2026-01' })).toBe(false)
    expect(previousIsLastMonth({ ...march, previous_month: null })).toBe(false)
  })
})

describe('validateDraft', () => {
  it('accepts a consistent row', () => {
    expect(validateDraft(draft({ completed: '100', cumulative: '5100', percent: '40' }), march)).toEqual({})
  })

  it('refuses blanks, text and negative amounts', () => {
    const errors = validateDraft(draft({ completed: '-1', cumulative: 'x' }), march)
    expect(errors.completed?.key).toBe('negative')
    expect(errors.cumulative?.key).toBe('number')
    expect(errors.percent?.key).toBe('required')
  })

  it('refuses a cumulative below this month', () => {
    const first = { ...march, previous_cumulative: null, previous_month: null }
    expect(validateDraft(draft({ completed: '100', cumulative: '99', percent: '1' }), first).cumulative?.key).toBe('belowMonth')
  })

  it('wants exactly previous + this month when the previous report is last month', () => {
    const errors = validateDraft(draft({ completed: '100', cumulative: '5200', percent: '1' }), march)
    expect(errors.cumulative).toEqual({ key: 'mismatch', params: { expected: 51_000_000, previous: 50_000_000 } })
  })

  it('wants at least previous + this month when months are missing between', () => {
    const gap = { ...march, previous_month: '2025-12' }
    expect(validateDraft(draft({ completed: '100', cumulative: '5200', percent: '1' }), gap)).toEqual({})
    expect(validateDraft(draft({ completed: '100', cumulative: '5000', percent: '1' }), gap).cumulative?.key).toBe('belowPrevious')
  })

  it('keeps the percent a whole number 0–100', () => {
    for (const bad of ['101', '-1', '4.5', 'a']) {
      expect(validateDraft(draft({ completed: '1', cumulative: '5001', percent: bad }), march).percent?.key).toBe('percent')
    }
    expect(validateDraft(draft({ completed: '1', cumulative: '5001', percent: '100' }), march)).toEqual({})
  })

  it('limits the texts', () => {
    const errors = validateDraft(draft({ completed: '1', cumulative: '5001', percent: '1', text: 'x'.repeat(501) }), march)
    expect(errors.text).toEqual({ key: 'tooLong', params: { max: 500 } })
  })
})

describe('rows and requests', () => {
  it('turns the 万元 texts into whole yuan', () => {
    expect(draftToRequest(draft({ completed: '100.5', cumulative: '5,100.5', percent: '40', text: ' 封顶 ' }), [3], 2)).toEqual({
      completed_this_month: 1_005_000, cumulative: 51_005_000, progress_percent: 40, progress_text: '封顶', problems: '',
      photo_ids: [3], version: 2,
    })
  })

  it('loads a saved report and sees no change until something is typed', () => {
    const it7 = item({ report: report() })
    const d = draftFromItem(it7)
    expect(d).toMatchObject({ completed: '100.00', cumulative: '5100.00', percent: '40', cumulativeTouched: false })
    expect(isChanged(d, it7)).toBe(false)
    expect(isChanged({ ...d, completed: '101' }, it7)).toBe(true)
  })

  it('submits changed valid rows and saved drafts, never reports under review', () => {
    const fresh = item()
    expect(isSubmittable(draft(), fresh, march)).toBe(false)
    expect(isSubmittable(draft({ completed: '100', cumulative: '5100', percent: '40' }), fresh, march)).toBe(true)
    expect(isSubmittable(draft({ completed: '100', cumulative: '5000', percent: '40' }), fresh, march)).toBe(false)
    const saved = item({ report: report() })
    expect(isSubmittable(draftFromItem(saved), saved, march)).toBe(true)
    const sent = item({ report: report({ status: 'submitted' }) })
    expect(isSubmittable(draftFromItem(sent), sent, march)).toBe(false)
  })

  it('counts due, submitted and overdue (not submitted past the due date)', () => {
    const items = [
      item(),
      item({ report: report({ status: 'submitted', first_submitted_on: '2026-04-03' }) }),
      item({ report: report({ status: 'accepted', first_submitted_on: '2026-04-08', days_late: 3 }) }),
    ]
    expect(entryCounts(items, '2026-04-05', '2026-04-05')).toEqual({ due: 3, submitted: 2, late: 0 })
    expect(entryCounts(items, '2026-04-05', '2026-04-06')).toEqual({ due: 3, submitted: 2, late: 1 })
  })
})

describe('nextCell', () => {
  const key = (k: string, over: Partial<MoveKey> = {}): MoveKey => ({ key: k, shift: false, caretAtStart: true, caretAtEnd: true, ...over })

  it('moves Enter down the same column and Shift+Enter up', () => {
    expect(nextCell({ row: 0, col: 1 }, key('Enter'), 3, 5)).toEqual({ row: 1, col: 1 })
    expect(nextCell({ row: 1, col: 1 }, key('Enter', { shift: true }), 3, 5)).toEqual({ row: 0, col: 1 })
    expect(nextCell({ row: 2, col: 1 }, key('Enter'), 3, 5)).toBeNull()
  })

  it('wraps Tab to the next row and Shift+Tab to the previous', () => {
    expect(nextCell({ row: 0, col: 3 }, key('Tab'), 3, 5)).toEqual({ row: 0, col: 4 })
    expect(nextCell({ row: 0, col: 4 }, key('Tab'), 3, 5)).toEqual({ row: 1, col: 0 })
    expect(nextCell({ row: 1, col: 0 }, key('Tab', { shift: true }), 3, 5)).toEqual({ row: 0, col: 4 })
    expect(nextCell({ row: 2, col: 4 }, key('Tab'), 3, 5)).toBeNull()
  })

  it('skips rows that cannot be edited', () => {
    const editable = (row: number) => row !== 1
    expect(nextCell({ row: 0, col: 2 }, key('Enter'), 3, 5, editable)).toEqual({ row: 2, col: 2 })
    expect(nextCell({ row: 2, col: 2 }, key('ArrowUp'), 3, 5, editable)).toEqual({ row: 0, col: 2 })
    expect(nextCell({ row: 0, col: 4 }, key('Tab'), 3, 5, editable)).toEqual({ row: 2, col: 0 })
  })

  it('leaves the cell sideways only at the edge of the text', () => {
    expect(nextCell({ row: 0, col: 1 }, key('ArrowRight', { caretAtEnd: false }), 3, 5)).toBeNull()
    expect(nextCell({ row: 0, col: 1 }, key('ArrowRight'), 3, 5)).toEqual({ row: 0, col: 2 })
    expect(nextCell({ row: 0, col: 1 }, key('ArrowLeft', { caretAtStart: false }), 3, 5)).toBeNull()
    expect(nextCell({ row: 0, col: 0 }, key('ArrowLeft'), 3, 5)).toBeNull()
  })

  it('lets typing keys stay in the cell', () => {
    expect(nextCell({ row: 0, col: 0 }, key('5'), 3, 5)).toBeNull()
  })
})
