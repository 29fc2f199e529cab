import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BASE_URL, apiSession, assertNoConsoleErrors, loginAs, openBrowser, screenshot, toast } from './helpers.mjs'
import { xlsx } from './xlsx.mjs'

// 导入月报 on the 月报填报 page: a sheet with a bad row shows its problems and imports nothing; a good
// sheet files (saves and submits) the report of a project still open in the grid, the grid reloads and
// shows it submitted; the same file again changes nothing.

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
// Reports are filed for the month before this one.
const [reportYear, reportMonth] = (() => {
  const y = Number(today.slice(0, 4))
  const m = Number(today.slice(5, 7))
  return m === 1 ? [y - 1, 12] : [y, m - 1]
})()
const HEADER = ['项目名称', '年', '月', '本月完成投资(万元)', '累计完成投资(万元)', '形象进度']

// Whole yuan → 万元 with up to four decimals, as typed in a sheet.
const wan = (yuan) => String(yuan / 10_000)

// A row of unit_zjj's grid for the month that can still be filed: not filed yet first, then a draft,
// then a returned report. When every one is submitted, the office returns one.
async function openEntryItem(unit) {
  const entry = async () =>
    (await unit('GET', `/reports/entry?year=${reportYear}&month=${reportMonth}&limit=1000`)).body.items
  let items = await entry()
  const pick = () =>
    items.find((item) => !item.report) ??
    items.find((item) => item.report?.status === 'draft') ??
    items.find((item) => item.report?.status === 'returned')
  if (!pick()) {
    const submitted = items.find((item) => ['submitted', 'resubmitted'].includes(item.report?.status))
    assert.ok(submitted, 'a report of unit_zjj that the office can return')
    const office = await apiSession('office')
    const answer = await office('POST', `/projects/${submitted.project_id}/reports/${reportYear}/${reportMonth}/return`,
      { version: submitted.report.version, reason: '测试退回' })
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    items = await entry()
  }
  return pick()
}

test('a unit imports its monthly reports on the entry page: problems first, then filed and shown submitted', async () => {
  const { page, errors, close } = await openBrowser()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanpi-reports-'))
  try {
    const unit = await apiSession('unit_zjj')
    const item = await openEntryItem(unit)
    assert.ok(item, 'a project of unit_zjj whose report of the month can be filed')
    // The cumulative continues the previous report the grid shows (上期累计).
    const cumulative = (item.previous_cumulative ?? 0) + 125_000
    const good = [item.project_name, String(reportYear), String(reportMonth), '12.5', wan(cumulative), '主体结构施工（导入）']
    const badFile = path.join(dir, 'bad.xlsx')
    const goodFile = path.join(dir, 'good.xlsx')
    fs.writeFileSync(badFile, xlsx([HEADER, good, [item.project_name, String(reportYear), '13', '1', '1', '']], '月报'))
    fs.writeFileSync(goodFile, xlsx([HEADER, good], '月报'))

    await loginAs(page, 'unit_zjj')
    await page.goto(`${BASE_URL}/progress/entry?year=${reportYear}&month=${reportMonth}`)
    const status = page.getByTestId(`entry-status-${item.project_id}`)
    await status.filter({ hasText: /未填报|草稿|已退回/ }).waitFor()
    await page.getByTestId(`entry-completed-${item.project_id}`).waitFor()

    // The dialog names the headers it expects (no server template, no xlsx writer in the browser).
    await page.getByTestId('report-import').click()
    const dialog = page.getByTestId('report-import-dialog')
    const headers = await dialog.getByTestId('report-import-headers').innerText()
    for (const header of ['项目代码', '项目名称', '本月完成投资(万元)', '累计完成投资(万元)', '形象进度']) assert.ok(headers.includes(header), header)

    // One bad row: its row and reason in the problems table, and nothing can be imported.
    await dialog.locator('input[type=file]').setInputFiles(badFile)
    const problem = dialog.getByTestId('report-problems').locator('.el-table__body tr', { hasText: '月应为1至12的整数' })
    await problem.waitFor()
    const cells = (await problem.locator('td').allInnerTexts()).map((s) => s.trim())
    assert.equal(cells[1], '3', 'the sheet row of the bad line')
    assert.equal(cells[2], '月')
    assert.equal(cells[3], '13')
    assert.equal(await page.getByTestId('report-import-confirm').isDisabled(), true)
    await screenshot(page, 'report-import-problems')

    // The good sheet: checked, imported, the grid reloaded with the project submitted.
    await dialog.locator('input[type=file]').setInputFiles(goodFile)
    await dialog.getByTestId('report-import-ready').waitFor()
    assert.equal((await dialog.getByTestId('report-valid-rows').innerText()).trim(), '1')
    await page.getByTestId('report-import-confirm').click()
    await toast(page, '导入完成：报送 1 份').waitFor()
    await dialog.waitFor({ state: 'hidden' })
    // 已报送, or 已重报 when the report had been submitted and returned before.
    await status.filter({ hasText: item.report?.first_submitted_on ? /已报送|已重报/ : /已报送/ }).waitFor()
    assert.equal(await page.getByTestId(`entry-completed-${item.project_id}`).count(), 0, 'a submitted row is read-only')
    assert.match(await page.getByTestId(`entry-row-${item.project_id}`).innerText(), /12\.50/)
    const report = (await unit('GET', `/projects/${item.project_id}/reports/${reportYear}/${reportMonth}`)).body
    assert.equal(report.completed_this_month, 125_000)
    assert.equal(report.cumulative, cumulative)
    await screenshot(page, 'report-import-done')

    // The same sheet again changes nothing (another path: the input still holds the first one, and
    // chromium fires no change for the same file).
    const againFile = path.join(dir, 'again.xlsx')
    fs.copyFileSync(goodFile, againFile)
    await page.getByTestId('report-import').click()
    await dialog.locator('input[type=file]').setInputFiles(againFile)
    await dialog.getByTestId('report-import-ready').waitFor()
    await page.getByTestId('report-import-confirm').click()
    await toast(page, '无变化 1 份').waitFor()
    assertNoConsoleErrors(errors)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
    await close()
  }
})
