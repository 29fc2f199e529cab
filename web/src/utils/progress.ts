// Pure helpers of the plan, report and progress pages: rates as text, 万元 inputs, the twelve-month
// sums, report status tags and months. Kept free of UI code so they can be tested; the server remains
// the judge of every rule.
import type { ReportStatus } from '@/api/progress'
import { formatWan, parseWan } from './money'

// A fraction (0.853) as "85.3%"; null (nothing planned to divide by) as "—".
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—'
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

// A fraction as a percent number for charts (85.3), or null.
export function ratePercentOf(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null
  return Math.round(rate * 1000) / 10
}

// An index such as SPI or CPI (1.04) with two decimals; null as "—".
export function formatIndex(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  return value.toFixed(2)
}

// Whole yuan → the 万元 text an input starts with: two decimals at least, up to four when the yuan
// need them (12345 → "1.2345", 1000000 → "100.00"), no thousands separators.
export function wanInputText(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return ''
  const text = formatWan(yuan, { decimals: 4, grouping: false })
  return text.replace(/(\.\d\d)(\d*?)0+$/, '$1$2')
}

// 万元 as a number for charts (two decimals).
export function wanNumber(yuan: number): number {
  return Number(formatWan(yuan, { grouping: false }))
}

// Twelve 万元 texts → twelve whole-yuan amounts; a blank month is 0, text that is not a number null.
export function monthsFromWanTexts(texts: string[]): (number | null)[] {
  return texts.map((text) => (text.trim() === '' ? 0 : parseWan(text)))
}

export interface MonthsCheck {
  total: number // of the months that parse
  difference: number // total − annual (negative: still short)
  bad: number[] // 0-based months that are not numbers or are negative
}
// The running check of the manual decomposition while someone types.
export function checkMonths(months: (number | null)[], annual: number): MonthsCheck {
  let total = 0
  const bad: number[] = []
  months.forEach((amount, index) => {
    if (amount === null || amount < 0) bad.push(index)
    else total += amount
  })
  return { total, difference: total - annual, bad }
}

// Running totals: [a, a+b, a+b+c, …].
export function runningTotals(values: number[]): number[] {
  let sum = 0
  return values.map((value) => (sum += value))
}

export type TagType = 'info' | 'primary' | 'warning' | 'success' | 'danger'
export function reportTagType(status: ReportStatus | null | undefined): TagType {
  switch (status) {
    case 'draft': return 'info'
    case 'submitted': return 'primary'
    case 'returned': return 'danger'
    case 'resubmitted': return 'warning'
    case 'accepted': return 'success'
    default: return 'info'
  }
}

// The person may still change the figures (a missing report can be created).
export function reportEditable(status: ReportStatus | null | undefined): boolean {
  return !status || status === 'draft' || status === 'returned'
}

// Awaiting the office's judgement.
export function reportUnderReview(status: ReportStatus | null | undefined): boolean {
  return status === 'submitted' || status === 'resubmitted'
}

// The month before (year, month), as [year, month].
export function previousMonth(year: number, month: number): [number, number] {
  return month === 1 ? [year - 1, 12] : [year, month - 1]
}

// "YYYY-MM" of a month.
export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`
}

// The month whose reports are being filed today: the previous calendar month (reports are due early
// in the month after). `today` is "YYYY-MM-DD".
export function reportingMonth(today: string): { year: number; month: number } {
  const [year, month] = previousMonth(Number(today.slice(0, 4)), Number(today.slice(5, 7)))
  return { year, month }
}

// Whole days from `from` to `to` ("YYYY-MM-DD"), negative when `to` is earlier.
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

// "YYYY-MM-DD" plus `days`.
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000
  return new Date(time).toISOString().slice(0, 10)
}
