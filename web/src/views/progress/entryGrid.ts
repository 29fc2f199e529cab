// The logic of the 月报填报 grid, free of UI code: the row being typed, its checks as one types
// (the same rules the server applies on submit, so the person learns of a mistake in the cell and not
// after pressing 报送), the cumulative prefill and the keyboard moves between cells.
import type { EntryItemVO, ReportReq, ReportStatus } from '@/api/progress'
import { parseWan } from '@/utils/money'
import { monthKey, previousMonth, reportEditable, wanInputText } from '@/utils/progress'

// The editable columns, in screen order.
export const ENTRY_COLUMNS = ['completed', 'cumulative', 'percent', 'text', 'problems'] as const
export type EntryColumn = (typeof ENTRY_COLUMNS)[number]

export const MAX_PROGRESS_TEXT = 500
export const MAX_PROBLEMS = 2000

// What the person has typed in one row: money as 万元 text, percent as text.
export interface EntryDraft {
  completed: string
  cumulative: string
  percent: string
  text: string
  problems: string
  cumulativeTouched: boolean // typed by hand: no longer follows previous + this month
}

// A message key under `entry.errors` with its parameters (amounts in yuan).
export interface CellError {
  key: 'required' | 'number' | 'negative' | 'belowMonth' | 'mismatch' | 'belowPrevious' | 'percent' | 'tooLong'
  params?: Record<string, number | string>
}
export type RowErrors = Partial<Record<EntryColumn, CellError>>

export interface EntryContext {
  year: number
  month: number
  previous_cumulative: number | null
  previous_month: string | null // "YYYY-MM"
}

// The row as the saved report has it, or empty for a project without a report yet.
export function draftFromItem(item: EntryItemVO): EntryDraft {
  const report = item.report
  if (!report) return { completed: '', cumulative: '', percent: '', text: '', problems: '', cumulativeTouched: false }
  return {
    completed: wanInputText(report.completed_this_month),
    cumulative: wanInputText(report.cumulative),
    percent: String(report.progress_percent),
    text: report.progress_text,
    problems: report.problems,
    // A saved cumulative that is not the sum was typed on purpose (older previous report).
    cumulativeTouched: item.previous_cumulative === null
      ? report.cumulative !== report.completed_this_month
      : report.cumulative !== item.previous_cumulative + report.completed_this_month,
  }
}

// The previous report is the month just before this one: the cumulative must then be exactly the sum.
export function previousIsLastMonth(context: EntryContext): boolean {
  if (context.previous_month === null) return false
  const [year, month] = previousMonth(context.year, context.month)
  return context.previous_month === monthKey(year, month)
}

// The cumulative that follows from this month's figure: previous cumulative + this month (the first
// report of a project: this month, the least it can be). null while this month is not a number.
export function expectedCumulative(context: EntryContext, completedText: string): number | null {
  const completed = parseWan(completedText)
  if (completed === null || completed < 0) return null
  return (context.previous_cumulative ?? 0) + completed
}

// After this month's figure changed: the cumulative follows unless typed by hand.
export function withPrefill(draft: EntryDraft, context: EntryContext): EntryDraft {
  if (draft.cumulativeTouched) return draft
  const expected = expectedCumulative(context, draft.completed)
  return { ...draft, cumulative: expected === null ? '' : wanInputText(expected) }
}

function money(text: string): { value: number | null; error?: CellError } {
  if (text.trim() === '') return { value: null, error: { key: 'required' } }
  const value = parseWan(text)
  if (value === null) return { value: null, error: { key: 'number' } }
  if (value < 0) return { value, error: { key: 'negative' } }
  return { value }
}

// The checks of a row; an empty object when it may be saved and submitted.
export function validateDraft(draft: EntryDraft, context: EntryContext): RowErrors {
  const errors: RowErrors = {}
  const completed = money(draft.completed)
  if (completed.error) errors.completed = completed.error
  const cumulative = money(draft.cumulative)
  if (cumulative.error) errors.cumulative = cumulative.error
  else if (completed.value !== null && !completed.error && cumulative.value !== null) {
    const expected = (context.previous_cumulative ?? 0) + completed.value
    if (cumulative.value < completed.value) {
      errors.cumulative = { key: 'belowMonth' }
    } else if (context.previous_cumulative !== null && previousIsLastMonth(context) && cumulative.value !== expected) {
      errors.cumulative = { key: 'mismatch', params: { expected, previous: context.previous_cumulative } }
    } else if (context.previous_cumulative !== null && cumulative.value < expected) {
      errors.cumulative = { key: 'belowPrevious', params: { expected, previous: context.previous_cumulative } }
    }
  }
  const percentText = draft.percent.trim()
  if (percentText === '') errors.percent = { key: 'required' }
  else if (!/^\d{1,3}$/.test(percentText) || Number(percentText) > 100) errors.percent = { key: 'percent' }
  if (draft.text.length > MAX_PROGRESS_TEXT) errors.text = { key: 'tooLong', params: { max: MAX_PROGRESS_TEXT } }
  if (draft.problems.length > MAX_PROBLEMS) errors.problems = { key: 'tooLong', params: { max: MAX_PROBLEMS } }
  return errors
}

export function isValid(errors: RowErrors): boolean {
  return Object.keys(errors).length === 0
}

// The request body of a valid draft (call only when validateDraft found nothing).
export function draftToRequest(draft: EntryDraft, photoIds: number[], version: number): ReportReq {
  return {
    completed_this_month: parseWan(draft.completed) ?? 0,
    cumulative: parseWan(draft.cumulative) ?? 0,
    progress_percent: Number(draft.percent.trim()),
    progress_text: draft.text.trim(),
    problems: draft.problems.trim(),
    photo_ids: photoIds,
    version,
  }
}

// The draft differs from what the server holds (or there is nothing on the server yet and the person
// typed something).
export function isChanged(draft: EntryDraft, item: EntryItemVO): boolean {
  const report = item.report
  if (!report) return [draft.completed, draft.percent, draft.text, draft.problems].some((s) => s.trim() !== '')
  return (
    parseWan(draft.completed) !== report.completed_this_month ||
    parseWan(draft.cumulative) !== report.cumulative ||
    draft.percent.trim() !== String(report.progress_percent) ||
    draft.text.trim() !== report.progress_text ||
    draft.problems.trim() !== report.problems
  )
}

// A row 报送全部已填 takes: editable, valid, and either changed or a saved draft waiting to be sent.
export function isSubmittable(draft: EntryDraft, item: EntryItemVO, context: EntryContext): boolean {
  const status: ReportStatus | undefined = item.report?.status
  if (!reportEditable(status)) return false
  if (!isChanged(draft, item) && !item.report) return false
  return isValid(validateDraft(draft, context))
}

// One row of the grid as the page keeps it: the project, what is typed, and how saving went.
export interface EntryRowState {
  item: EntryItemVO
  draft: EntryDraft
  touched: boolean // typed in, or loaded from a saved report: its checks show
  busy: boolean
  serverErrors: Partial<Record<EntryColumn, string>>
  note: { type: 'success' | 'error'; text: string } | null
}

// The API's field names → the grid's columns, for the server's field errors.
export const FIELD_COLUMN: Record<string, EntryColumn> = {
  completed_this_month: 'completed',
  cumulative: 'cumulative',
  progress_percent: 'percent',
  progress_text: 'text',
  problems: 'problems',
}

export function contextOf(item: EntryItemVO, year: number, month: number): EntryContext {
  return { year, month, previous_cumulative: item.previous_cumulative, previous_month: item.previous_month }
}

// ---------------------------------------------------------------- keyboard
export interface CellPosition {
  row: number
  col: number
}

export interface MoveKey {
  key: string // KeyboardEvent.key
  shift: boolean
  // Where the caret is in the input: arrows left/right leave the cell only at its edge.
  caretAtStart: boolean
  caretAtEnd: boolean
  multiline?: boolean // a textarea: up/down move the caret inside it, Enter makes a new line only with Alt
}

// The cell a key moves to, or null when the key stays in the cell (typing) or there is no cell there.
// Enter goes down the same column (Shift+Enter up); Tab goes right and wraps to the next row's first
// cell (Shift+Tab back); arrows move by one. Rows that cannot be edited are skipped.
export function nextCell(
  from: CellPosition,
  move: MoveKey,
  rows: number,
  cols: number,
  editable: (row: number) => boolean = () => true,
): CellPosition | null {
  const vertical = (step: 1 | -1): CellPosition | null => {
    for (let row = from.row + step; row >= 0 && row < rows; row += step) {
      if (editable(row)) return { row, col: from.col }
    }
    return null
  }
  const horizontal = (step: 1 | -1, wrap: boolean): CellPosition | null => {
    const col = from.col + step
    if (col >= 0 && col < cols) return { row: from.row, col }
    if (!wrap) return null
    for (let row = from.row + step; row >= 0 && row < rows; row += step) {
      if (editable(row)) return { row, col: step > 0 ? 0 : cols - 1 }
    }
    return null
  }
  switch (move.key) {
    case 'Enter':
      return vertical(move.shift ? -1 : 1)
    case 'Tab':
      return horizontal(move.shift ? -1 : 1, true)
    case 'ArrowDown':
      return move.multiline && !move.caretAtEnd ? null : vertical(1)
    case 'ArrowUp':
      return move.multiline && !move.caretAtStart ? null : vertical(-1)
    case 'ArrowRight':
      return move.caretAtEnd ? horizontal(1, false) : null
    case 'ArrowLeft':
      return move.caretAtStart ? horizontal(-1, false) : null
    default:
      return null
  }
}

// Counts for the header, as the server counts them: 应报 (projects due), 已报 (submitted at least once),
// 逾期 (not submitted and past the due date as of today).
export function entryCounts(items: EntryItemVO[], dueOn: string, today: string) {
  let submitted = 0
  let late = 0
  for (const item of items) {
    if (item.report?.first_submitted_on) submitted++
    else if (today > dueOn) late++
  }
  return { due: items.length, submitted, late }
}
