import { describe, expect, it } from 'vitest'
import {
  addDays, checkMonths, daysBetween, formatIndex, formatRate, monthsFromWanTexts, previousMonth, reportEditable,
  reportingMonth, runningTotals, wanInputText,
} from './progress'

describe('formatRate', () => {
  it('shows a fraction as a percent with one decimal', () => {
    expect(formatRate(0.853)).toBe('85.3%')
    expect(formatRate(1)).toBe('100.0%')
    expect(formatRate(0)).toBe('0.0%')
    expect(formatRate(1.23456)).toBe('123.5%')
  })
  it('shows a rate without a plan as a dash', () => {
    expect(formatRate(null)).toBe('—')
    expect(formatRate(undefined)).toBe('—')
    expect(formatIndex(null)).toBe('—')
    expect(formatIndex(1.046)).toBe('1.05')
  })
})

describe('万元 inputs', () => {
  it('starts inputs with two decimals, four when the yuan need them', () => {
    expect(wanInputText(1_000_000)).toBe('100.00')
    expect(wanInputText(12_345)).toBe('1.2345')
    expect(wanInputText(12_340)).toBe('1.234')
    expect(wanInputText(0)).toBe('0.00')
    expect(wanInputText(null)).toBe('')
  })
  it('reads twelve months, blanks as zero and text as bad', () => {
    const months = monthsFromWanTexts(['100', '', 'x', '-1', '0.0001', '', '', '', '', '', '', ''])
    expect(months).toEqual([1_000_000, 0, null, -10_000, 1, 0, 0, 0, 0, 0, 0, 0])
    expect(checkMonths(months, 1_000_000)).toEqual({ total: 1_000_001, difference: 1, bad: [2, 3] })
  })
  it('adds up running totals', () => {
    expect(runningTotals([1, 2, 3])).toEqual([1, 3, 6])
  })
})

describe('months and dates', () => {
  it('knows the previous month and the month being reported', () => {
    expect(previousMonth(2026, 1)).toEqual([2025, 12])
    expect(previousMonth(2026, 7)).toEqual([2026, 6])
    expect(reportingMonth('2026-01-03')).toEqual({ year: 2025, month: 12 })
    expect(reportingMonth('2026-11-27')).toEqual({ year: 2026, month: 10 })
  })
  it('counts days and adds them', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2)
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2)
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
  })
  it('lets drafts and returned reports be edited only', () => {
    expect(reportEditable(undefined)).toBe(true)
    expect(reportEditable('returned')).toBe(true)
    expect(reportEditable('submitted')).toBe(false)
    expect(reportEditable('accepted')).toBe(false)
  })
})
