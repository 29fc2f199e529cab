import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, assertNoConsoleErrors, loginAs, openBrowser, screenshot, toast } from './helpers.mjs'

// A 1×1 PNG, for the progress photo.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

// Today in Asia/Shanghai, the server's "today": stage dates may not lie in the future.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())

// The <input> of an Element Plus field: the test id sits on the input itself (el-input passes its
// attributes down) or on the component's wrapper (el-select).
async function inputOf(scope, testId) {
  const element = scope.getByTestId(testId).first()
  return (await element.evaluate((node) => node.tagName)) === 'INPUT' ? element : element.locator('input').first()
}

// Types a date into an Element Plus date picker inside `scope`; Enter takes it and closes the panel.
async function pickDate(page, scope, testId, value) {
  const input = await inputOf(scope, testId)
  await input.click()
  await input.fill(value)
  await input.press('Enter')
}

// Chooses an option of an Element Plus select by its visible text.
async function choose(page, select, text) {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

// The layout scrolls inside its main area, so a "full page" screenshot would stop at the window:
// grow the window to the content for the picture, then put it back.
async function fullShot(page, name) {
  const height = await page.evaluate(() => {
    const main = document.querySelector('.main')
    return Math.max(900, (main?.scrollHeight ?? 0) + 64)
  })
  await page.setViewportSize({ width: 1440, height: Math.min(height, 5000) })
  await page.waitForTimeout(300) // charts resize
  await screenshot(page, name)
  await page.setViewportSize({ width: 1440, height: 900 })
}

async function readNumber(page, testId) {
  return Number((await page.getByTestId(testId).innerText()).trim())
}

async function statistics(page) {
  await page.goto(`${BASE_URL}/campaign/statistics?period=7&as_of=${today}`)
  await page.getByTestId('kpi-start-count').waitFor()
  await page.getByTestId('bulletin-text').filter({ hasText: /\S/ }).waitFor()
  return {
    all: await readNumber(page, 'kpi-all-count'),
    start: await readNumber(page, 'kpi-start-count'),
    started: await readNumber(page, 'kpi-start-started'),
  }
}

test('the office registers a project, puts it on the start batch, starts it and sees the figures follow', async () => {
  const { page, context, errors, close } = await openBrowser()
  const name = `智能传感器测试项目${String(Date.now()).slice(-6)}`
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL })
    await loginAs(page, 'office')

    // The ledger with its totals row over the whole filtered set.
    await page.getByTestId('menu-/project').click()
    const table = page.getByTestId('ledger-table')
    await table.locator('.el-table__body tr').first().waitFor()
    const summary = page.getByTestId('ledger-summary')
    assert.match(await summary.innerText(), /共 \d+ 个项目，总投资 [\d,.]+ 万元/)
    await fullShot(page, 'project-ledger')

    // 万元 filter: at least 300,000 万元 = 30 亿元; every row shown is at or above it.
    await (await inputOf(page, 'ledger-min')).fill('300000')
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('min_investment=3000000000')),
      page.getByTestId('ledger-search-btn').click(),
    ])
    await page.waitForTimeout(200) // the table re-renders after the answer
    const filteredSummary = await summary.innerText()
    for (const cell of await table.locator('.el-table__body tr td:nth-child(4)').allInnerTexts()) {
      assert.ok(Number(cell.replace(/,/g, '')) >= 300000, `${cell} is below the filter`)
    }
    assert.match(await table.locator('.el-table__footer').innerText(), /合计/)
    await fullShot(page, 'project-ledger-filtered')
    assert.notEqual(filteredSummary, '')

    // Create: the server's field error shows under the input (longitude outside China).
    await page.getByTestId('project-add').click()
    const dialog = page.getByTestId('project-dialog')
    await (await inputOf(dialog, 'project-name')).fill(name)
    await choose(page, dialog.getByTestId('project-industry'), '智能传感器')
    await (await inputOf(dialog, 'project-investment')).fill('12345.67')
    await choose(page, dialog.getByTestId('project-leader'), '刘副主任')
    await (await inputOf(dialog, 'project-person')).fill('王工')
    await (await inputOf(dialog, 'field-longitude')).fill('200')
    await dialog.locator('.el-form-item', { hasText: '纬度' }).locator('input').fill('34.8')
    await page.getByTestId('project-save').click()
    const longitudeError = dialog.getByTestId('field-longitude').locator('.el-form-item__error')
    await longitudeError.waitFor()
    assert.match(await longitudeError.innerText(), /经度/)
    await fullShot(page, 'project-form-error')
    await (await inputOf(dialog, 'field-longitude')).fill('113.55')
    await page.getByTestId('project-save').click()
    await toast(page, '新增成功').waitFor()

    // The detail page opens on the new project, still in reserve, 1,234,567 万元 → 1.23 亿元 exactly.
    await page.waitForURL(/\/project\/\d+/)
    const projectUrl = page.url().replace(/\?.*$/, '')
    await page.getByTestId('project-title').filter({ hasText: name }).waitFor()
    assert.equal((await page.getByTestId('project-stage').innerText()).trim(), '谋划储备')
    assert.match(await page.getByTestId('project-head').innerText(), /12,345\.67/)
    await fullShot(page, 'project-detail')

    // 责任落实: a checklist item, added and completed.
    await page.getByRole('tab', { name: '责任落实' }).click()
    await page.getByTestId('checklist-add').click()
    const checklistDialog = page.getByTestId('checklist-dialog')
    await (await inputOf(checklistDialog, 'checklist-item')).fill('办理施工许可证')
    await pickDate(page, checklistDialog, 'field-deadline', '2030-06-30')
    await page.getByTestId('checklist-save').click()
    const itemRow = page.getByTestId('checklist-table').locator('.el-table__body tr', { hasText: '办理施工许可证' })
    await itemRow.waitFor()
    assert.match(await itemRow.innerText(), /推进中/)
    await itemRow.getByTestId('checklist-complete').click()
    await page.getByTestId('checklist-done-save').click()
    await itemRow.filter({ hasText: '已完成' }).waitFor()
    await fullShot(page, 'project-checklist')

    // Statistics of period 7 before the project is on its roster.
    const before = await statistics(page)

    // Put it on period 7's start batch with its planned start date.
    await page.goto(`${BASE_URL}/campaign/roster?period=7`)
    await page.getByTestId('roster-title').filter({ hasText: '第七期' }).waitFor()
    await page.getByTestId('batch-card-start').click()
    await page.getByTestId('roster-add').click()
    const entryDialog = page.getByTestId('entry-dialog')
    const projectSelect = entryDialog.getByTestId('entry-project')
    await projectSelect.click()
    await (await inputOf(entryDialog, 'entry-project')).fill(name)
    await page.locator('.el-select-dropdown__item:visible', { hasText: name }).first().click()
    await entryDialog.getByTestId('entry-batch').getByText('开工一批').click()
    await pickDate(page, entryDialog, 'field-planned_start_date', today)
    await page.getByTestId('entry-save').click()
    await toast(page, '已列入名单').waitFor()
    const startTable = page.getByTestId('roster-adjusted-start')
    await startTable.locator('.el-table__body tr', { hasText: name }).waitFor()
    await fullShot(page, 'campaign-roster')
    await page.getByTestId('roster-mode').getByText('原始与调整对照').click()
    await page.getByTestId('roster-original-start').waitFor()
    await fullShot(page, 'campaign-roster-compare')

    const listed = await statistics(page)
    assert.equal(listed.all, before.all + 1)
    assert.equal(listed.start, before.start + 1)
    assert.equal(listed.started, before.started, 'not started yet')

    // Advance: a production date before the start is refused with the server's own message.
    await page.goto(`${projectUrl}?tab=stage`)
    await page.getByTestId('stage-advance').click()
    const advanceDialog = page.getByTestId('advance-dialog')
    await advanceDialog.getByTestId('advance-to').getByText('开工').click()
    await pickDate(page, advanceDialog, 'field-advance-on', today)
    await page.getByTestId('advance-save').click()
    await toast(page, '阶段已更新').waitFor()
    await page.getByTestId('project-stage').filter({ hasText: '开工' }).waitFor()

    await page.getByTestId('stage-advance').click()
    await advanceDialog.getByTestId('advance-to').getByText('投产').click()
    await pickDate(page, advanceDialog, 'field-advance-on', '2020-01-01')
    await page.getByTestId('advance-save').click()
    const refusal = advanceDialog.getByTestId('stage-error')
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /投产日期/)
    await fullShot(page, 'project-stage-refused')
    await advanceDialog.getByRole('button', { name: '取消' }).click()
    assert.equal((await page.getByTestId('project-stage').innerText()).trim(), '开工')
    await fullShot(page, 'project-stage')

    // 附件: a progress photo, shown as a thumbnail.
    await page.getByRole('tab', { name: '附件资料' }).click()
    await page.getByTestId('attachment-file').setInputFiles({ name: '形象进度.png', mimeType: 'image/png', buffer: PNG })
    assert.match(await page.getByTestId('attachment-chosen').innerText(), /形象进度\.png（PNG，\d+ B）/)
    await page.getByTestId('attachment-upload').click()
    await toast(page, '上传成功').waitFor()
    await page.getByTestId('attachment-photos').locator('img').first().waitFor()
    await fullShot(page, 'project-attachments')

    // 变更记录: the creation and the stage change.
    await page.getByRole('tab', { name: '变更记录' }).click()
    const audit = page.getByTestId('audit-table')
    await audit.locator('.el-table__body tr', { hasText: '推进阶段' }).first().waitFor()
    assert.match(await audit.innerText(), /新增/)
    await fullShot(page, 'project-history')

    // 名单历史: the period-7 start-batch entry.
    await page.getByRole('tab', { name: '名单历史' }).click()
    await page.getByTestId('roster-history').getByText('开工一批').waitFor()

    // The statistics now count it as started, and the bulletin can be copied.
    const started = await statistics(page)
    assert.equal(started.start, listed.start)
    assert.equal(started.started, listed.started + 1)
    await page.getByTestId('bulletin-copy').click()
    await toast(page, '通报已复制到剪贴板').waitFor()
    assert.match(await page.getByTestId('bulletin-text').innerText(), /开工一批/)
    await page.waitForTimeout(600) // let the chart animations settle for the screenshot
    await fullShot(page, 'campaign-statistics')
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('a correction needs a reason, and the leader reads the stages without actions', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await loginAs(page, 'office')
    await page.goto(`${BASE_URL}/project`)
    await page.getByTestId('ledger-stage').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '开工' }).first().click()
    await page.getByTestId('ledger-search-btn').click()
    const first = page.getByTestId('ledger-table').locator('.el-table__body tr').first()
    await first.waitFor()
    assert.match(await first.innerText(), /开工/)
    await first.locator('a, .el-link').first().click()
    await page.waitForURL(/\/project\/\d+/)
    const projectPath = new URL(page.url()).pathname

    await page.getByRole('tab', { name: '阶段管理' }).click()
    await page.getByTestId('stage-correct').click()
    const dialog = page.getByTestId('correct-dialog')
    await page.getByTestId('correct-save').click()
    const reasonError = dialog.locator('.el-form-item', { hasText: '更正原因' }).locator('.el-form-item__error')
    await reasonError.waitFor()
    assert.match(await reasonError.innerText(), /原因/)
    await fullShot(page, 'project-correction-reason')
    await dialog.getByRole('button', { name: '取消' }).click()
    assertNoConsoleErrors(errors)

    await page.getByTestId('user-menu').click()
    await page.getByTestId('logout').click()
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
    await page.waitForURL(/\/login/)
    await loginAs(page, 'leader1')
    await page.goto(`${BASE_URL}${projectPath}?tab=stage`)
    await page.getByTestId('stage-steps').waitFor()
    assert.equal(await page.getByTestId('stage-advance').count(), 0)
    assert.equal(await page.getByTestId('project-edit').count(), 0)
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})
