import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, apiSession, assertNoConsoleErrors, loginAs, openBrowser, screenshot, toast } from './helpers.mjs'

// 计划月报: the plan tab, the keyboard-driven monthly report entry grid and the office's review, reverse
// scheduling on the milestone tab, and the zone's investment progress page. The tests make the plans and
// milestones they need, so they pass on the bare demo zone and on a database they have used before.

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
// Reports are filed for the month before this one.
const [reportYear, reportMonth] = (() => {
  const y = Number(today.slice(0, 4))
  const m = Number(today.slice(5, 7))
  return m === 1 ? [y - 1, 12] : [y, m - 1]
})()

function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

// Whole yuan → the 万元 text the grid prefills (two decimals at least, four at most).
function wanText(yuan) {
  const text = (yuan / 10_000).toFixed(4)
  return text.replace(/(\.\d\d)(\d*?)0+$/, '$1$2')
}

// The layout scrolls inside its main area: grow the window to the content for the picture.
async function fullShot(page, name) {
  const height = await page.evaluate(() => Math.max(900, (document.querySelector('.main')?.scrollHeight ?? 0) + 64))
  await page.setViewportSize({ width: 1440, height: Math.min(height, 5000) })
  await page.waitForTimeout(500) // charts resize
  await screenshot(page, name)
  await page.setViewportSize({ width: 1440, height: 900 })
}

async function choose(page, select, text) {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

// The <input> of an Element Plus field: the test id sits on the input itself (el-input passes its
// attributes down) or on a wrapper (el-select, the el-form-item of a date picker).
async function inputOf(scope, testId) {
  const element = scope.getByTestId(testId).first()
  return (await element.evaluate((node) => node.tagName)) === 'INPUT' ? element : element.locator('input').first()
}

async function pickDate(scope, testId, value) {
  const input = await inputOf(scope, testId)
  await input.click()
  await input.fill(value)
  await input.press('Enter')
}

const activeTestId = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '')
const activeCell = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? '')

// Projects of unit_zjj whose report for the month can still be filed (none yet, a draft or returned),
// not withdrawn. When every one is already submitted, the office returns one so the test has a row.
async function fileableProjects(unit, office) {
  const { body } = await unit('GET', '/projects?page_size=100')
  const live = body.items.filter((project) => project.stage !== 'withdrawn')
  const found = []
  let returnable = null
  for (const project of live) {
    const report = await unit('GET', `/projects/${project.id}/reports/${reportYear}/${reportMonth}`)
    if (report.status === 404 || ['draft', 'returned'].includes(report.body.status)) found.push(project)
    else if (!returnable && ['submitted', 'resubmitted'].includes(report.body.status)) returnable = { project, report: report.body }
  }
  if (!found.length && returnable) {
    const path = `/projects/${returnable.project.id}/reports/${reportYear}/${reportMonth}/return`
    const answer = await office('POST', path, { version: returnable.report.version, reason: '测试退回' })
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    found.push(returnable.project)
  }
  return found
}

async function ensurePlan(call, projectId, annual) {
  const current = await call('GET', `/projects/${projectId}/plans/${reportYear}`)
  if (current.status === 200) return
  const saved = await call('PUT', `/projects/${projectId}/plans/${reportYear}`, { annual, strategy: 'even', version: 0 })
  assert.equal(saved.status, 200, JSON.stringify(saved.body))
}

test('a unit plans a year, files its monthly report from the keyboard, and the office returns it', async () => {
  const { page, errors, close } = await openBrowser()
  let projectId = 0
  try {
    const unit = await apiSession('unit_zjj')
    const candidates = await fileableProjects(unit, await apiSession('office'))
    await loginAs(page, 'unit_zjj')
    assert.ok(candidates.length >= 1, 'a project of unit_zjj whose report can be filed')
    const project = candidates[0]
    projectId = project.id
    // A second open row makes Enter's move down the column visible: a project of the run when none is left.
    let second = candidates[1]
    if (!second) {
      const created = await unit('POST', '/projects', {
        code: '', name: `月报键盘测试项目${String(Date.now()).slice(-6)}`, enterprise_id: 0, industry: project.industry,
        kind: 'industry', address: '', parcel: '', construction_content: '', total_investment: 100_000_000,
        leader_id: project.leader_id, lead_unit_id: project.lead_unit_id, cooperating_unit_ids: [],
        responsible_person: '王工', responsible_phone: '',
      })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      second = created.body
    }
    await ensurePlan(unit, second.id, 6_000_000)

    // 投资计划: the annual figure, the seasonal decomposition previewed by the server, saved.
    await page.goto(`${BASE_URL}/project/${project.id}?tab=plan`)
    const panel = page.getByTestId('plan-panel')
    await panel.waitFor()
    if (reportYear !== Number(today.slice(0, 4))) await choose(page, page.getByTestId('plan-year'), String(reportYear))
    await (await inputOf(page, 'plan-annual')).fill('1200')
    await page.getByTestId('plan-strategy-seasonal').click()
    await page.getByTestId('plan-preview').click()
    await page.getByTestId('plan-balance').filter({ hasText: '合计与年度计划一致' }).waitFor()
    assert.match(await page.getByTestId('plan-months').innerText(), /1,200\.00/)
    await page.getByTestId('plan-save').click()
    await toast(page, '保存成功').waitFor()

    // 手工填报: the running total and the difference follow the typing.
    await page.getByTestId('plan-strategy-manual').click()
    const january = page.getByTestId('plan-month-1')
    const januaryValue = Number(await january.inputValue())
    await january.fill(String(januaryValue + 100))
    await page.getByTestId('plan-difference').filter({ hasText: '超出 100.00 万元' }).waitFor()
    await january.fill('abc')
    await page.getByTestId('plan-months').getByText('请输入不小于0的金额').waitFor()
    await january.fill(String(januaryValue))
    await page.getByTestId('plan-difference').filter({ hasText: '合计与年度计划一致' }).waitFor()
    await page.getByTestId('plan-chart').locator('canvas').first().waitFor()
    await fullShot(page, 'plan-tab')

    // 月报填报: one screen, the keyboard only.
    const entryItem = (await unit('GET', `/reports/entry?year=${reportYear}&month=${reportMonth}&limit=1000`)).body.items
      .find((item) => item.project_id === project.id)
    assert.ok(entryItem, 'the planned project is due in the entry grid')
    await page.goto(`${BASE_URL}/progress/entry?year=${reportYear}&month=${reportMonth}`)
    const row = page.getByTestId(`entry-row-${project.id}`)
    await row.waitFor()
    const dueBefore = Number(await page.getByTestId('entry-count-due').innerText())
    const submittedBefore = Number(await page.getByTestId('entry-count-submitted').innerText())
    assert.ok(dueBefore >= 1)

    // A cumulative left empty follows this month's figure again (a draft from an earlier run may have one).
    const cumulative = page.getByTestId(`entry-cumulative-${project.id}`)
    await cumulative.click()
    await page.keyboard.press('Control+A')
    await page.keyboard.press('Backspace')
    const completed = page.getByTestId(`entry-completed-${project.id}`)
    await completed.click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('150.5')
    // The cumulative follows: previous cumulative + this month.
    const expected = (entryItem.previous_cumulative ?? 0) + 1_505_000
    assert.equal(await page.getByTestId(`entry-cumulative-${project.id}`).inputValue(), wanText(expected))
    await page.keyboard.press('Tab')
    assert.equal(await activeTestId(page), `entry-cumulative-${project.id}`)
    await page.keyboard.press('Tab')
    assert.equal(await activeTestId(page), `entry-percent-${project.id}`)
    await page.keyboard.type('120')
    const percentError = page.getByTestId(`entry-error-percent-${project.id}`)
    await percentError.waitFor()
    assert.match(await percentError.innerText(), /0–100/)
    await fullShot(page, 'report-entry-error')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('35')
    await percentError.waitFor({ state: 'detached' })

    // Enter goes down the same column (to the next project that can be filed) and Shift+Enter back up.
    const here = await activeCell(page)
    assert.ok((await page.locator('[data-cell$="-2"]').count()) > 1, 'two rows to move between')
    {
      await page.keyboard.press('Enter')
      if ((await activeCell(page)) === here) {
        // The last row: up with Shift+Enter, then Enter comes back down.
        await page.keyboard.press('Shift+Enter')
        const above = await activeCell(page)
        assert.notEqual(above, here)
        assert.match(above, /-2$/, 'Shift+Enter keeps the column')
        await page.keyboard.press('Enter')
      } else {
        assert.match(await activeCell(page), /-2$/, 'Enter keeps the column')
        await page.keyboard.press('Shift+Enter')
      }
      assert.equal(await activeCell(page), here)
    }
    await page.keyboard.press('Tab')
    assert.equal(await activeTestId(page), `entry-text-${project.id}`)
    await page.keyboard.type('主体结构施工至5层')
    await page.keyboard.press('Tab')
    await page.keyboard.type('无')
    // Arrow left at the start of the text goes back a cell.
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowLeft')
    assert.equal(await activeTestId(page), `entry-text-${project.id}`)

    await page.getByTestId(`entry-submit-${project.id}`).click()
    // 已报送, or 已重报 when an earlier run's report came back returned.
    await page.getByTestId(`entry-status-${project.id}`).filter({ hasText: /已报送|已重报/ }).waitFor()
    const firstTime = !entryItem.report?.first_submitted_on
    assert.equal(Number(await page.getByTestId('entry-count-submitted').innerText()), submittedBefore + (firstTime ? 1 : 0))
    assert.equal(await page.getByTestId(`entry-completed-${project.id}`).count(), 0, 'a submitted row is read-only')
    await fullShot(page, 'report-entry')
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }

  // The project office sees it submitted, reads it and returns it with a reason.
  const office = await openBrowser()
  try {
    const { page } = office
    await loginAs(page, 'office')
    await page.goto(`${BASE_URL}/project/${projectId}?tab=reports`)
    if (reportYear !== Number(today.slice(0, 4))) await choose(page, page.getByTestId('report-year'), String(reportYear))
    const line = page.getByTestId('report-table').locator('.el-table__body tr', { hasText: `${reportYear}年${reportMonth}月` })
    await line.filter({ hasText: /已报送|已重报/ }).waitFor()
    assert.match(await line.innerText(), /150\.50/)
    await line.getByTestId(`report-open-${reportMonth}`).click()
    const dialog = page.getByTestId('report-dialog')
    await dialog.getByTestId('report-status').filter({ hasText: /已报送|已重报/ }).waitFor()
    assert.match(await dialog.getByTestId('report-versions').innerText(), /第 \d+ 次报送/)
    await page.getByTestId('report-return').click()
    const box = page.locator('.el-message-box')
    await box.getByRole('button', { name: '退回' }).click()
    await box.getByText('请填写退回原因').waitFor()
    await box.locator('textarea').fill('请补充形象进度照片')
    await box.getByRole('button', { name: '退回' }).click()
    await dialog.getByTestId('report-status').filter({ hasText: '已退回' }).waitFor()
    assert.match(await dialog.getByTestId('report-return-reason').first().innerText(), /请补充形象进度照片/)
    await fullShot(page, 'report-returned')
    await dialog.getByRole('button', { name: '取消' }).click()
    await line.filter({ hasText: '已退回' }).waitFor()
    assertNoConsoleErrors(office.errors)
  } finally {
    await office.close()
  }
})

test('reverse scheduling on the milestone tab: template, infeasible target, feasible target applied', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    const office = await apiSession('office')
    await loginAs(page, 'office')
    // A project without milestones, so the template applies (any project when every one has them).
    const { body } = await office('GET', '/projects?page_size=100')
    let project = null
    for (const p of body.items.filter((item) => item.stage !== 'withdrawn')) {
      const milestones = await office('GET', `/projects/${p.id}/milestones`)
      if (milestones.body.items.length === 0) {
        project = p
        break
      }
    }
    const fresh = project !== null
    project ??= body.items[0]

    await page.goto(`${BASE_URL}/project/${project.id}?tab=milestones`)
    await page.getByTestId('milestone-panel').waitFor()
    const table = page.getByTestId('milestone-table')
    if (fresh) {
      await page.getByTestId('milestone-template').click()
      await toast(page, '已套用模板').waitFor()
    }
    await table.locator('.el-table__body tr').nth(3).waitFor()

    // A dependency cycle is refused with the server's sentence naming it.
    const rows = table.locator('.el-table__body tr')
    const firstName = (await rows.first().locator('td').nth(1).innerText()).trim()
    const lastName = (await rows.last().locator('td').nth(1).innerText()).trim()
    await rows.first().getByTestId('milestone-edit').click()
    const form = page.getByTestId('milestone-dialog')
    await choose(page, form.getByTestId('milestone-predecessors'), lastName)
    await form.locator('.el-dialog__title').click() // closes the dropdown, keeps the dialog
    await page.getByTestId('milestone-save').click()
    const cycle = form.getByTestId('milestone-error')
    await cycle.waitFor()
    assert.match(await cycle.innerText(), new RegExp(`循环.*${firstName}`))
    await fullShot(page, 'milestone-cycle')
    await form.getByRole('button', { name: '取消' }).click()

    // 倒排工期: a target a month away cannot be met; the banner names the milestone at fault.
    await page.getByTestId('milestone-schedule').click()
    const dialog = page.getByTestId('schedule-dialog')
    await pickDate(dialog, 'field-schedule-target', addDays(today, 30))
    await page.getByTestId('schedule-compute').click()
    const infeasible = dialog.getByTestId('schedule-infeasible')
    await infeasible.waitFor()
    const explanation = await dialog.getByTestId('schedule-explanation').innerText()
    assert.match(explanation, /不可行/)
    assert.match(explanation, /节点“.+”/)
    assert.ok((await dialog.getByTestId('schedule-table').locator('.el-tag', { hasText: '无法按期' }).count()) >= 1)
    await page.waitForTimeout(300)
    await screenshot(page, 'schedule-infeasible')

    // Four years away it can: the latest dates are shown and written as the planned dates.
    const target = addDays(today, 1500)
    await pickDate(dialog, 'field-schedule-target', target)
    await page.getByTestId('schedule-compute').click()
    if (fresh) await dialog.getByTestId('schedule-feasible').waitFor()
    const scheduleRows = dialog.getByTestId('schedule-table').locator('.el-table__body tr')
    await scheduleRows.last().filter({ hasText: target }).waitFor()
    const latest = (await scheduleRows.first().locator('td').nth(2).innerText()).trim()
    assert.match(latest, /^\d{4}-\d\d-\d\d$/)
    await page.getByTestId('schedule-apply').click()
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
    await toast(page, '计划日期已更新').waitFor()
    await dialog.getByRole('button', { name: '取消' }).click()
    await rows.last().filter({ hasText: target }).waitFor()
    if (fresh) assert.match(await rows.first().innerText(), new RegExp(latest))
    await page.getByTestId('milestone-gantt').locator('canvas').first().waitFor()
    await fullShot(page, 'milestone-gantt')
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('the office reads the zone progress by unit and industry, the forecast, exports and sets the due day', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await loginAs(page, 'office')
    await page.getByTestId('menu-/progress/overview').click()
    await page.goto(`${BASE_URL}/progress/overview?year=${reportYear}&month=${reportMonth}`)
    const table = page.getByTestId('progress-table')
    await table.locator('.el-table__body tr', { hasText: '合计' }).first().waitFor()
    assert.match(await table.locator('thead').first().innerText(), /责任单位/)
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/progress?') && r.url().includes('by=industry')),
      page.getByTestId('progress-by').getByText('产业').click(),
    ])
    await table.locator('thead', { hasText: '产业' }).first().waitFor()
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/progress/forecast') && r.url().includes('method=trend')),
      page.getByTestId('forecast-method').getByText('按近三月趋势').click(),
    ])
    await page.getByTestId('progress-chart').locator('canvas').first().waitFor()
    await fullShot(page, 'progress-zone')

    // 导出Excel: the same query as a file.
    await page.getByTestId('progress-export').click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.el-message-box').getByRole('button', { name: '确定' }).click(),
    ])
    assert.match(download.url(), new RegExp(`export\\.xlsx\\?year=${reportYear}&month=${reportMonth}&by=industry`))
    assert.match(download.suggestedFilename(), /\.xlsx$/)

    // 设置: the due day, saved and put back.
    await page.getByTestId('progress-settings').click()
    const dialog = page.getByTestId('settings-dialog')
    const dueDay = await inputOf(dialog, 'settings-due-day')
    await dueDay.waitFor()
    await page.waitForTimeout(200)
    const before = await dueDay.inputValue()
    await dueDay.fill(before === '6' ? '7' : '6')
    await dueDay.press('Tab')
    await page.getByTestId('settings-save').click()
    await toast(page, '设置已保存').waitFor()
    await page.getByTestId('progress-settings').click()
    await dueDay.waitFor()
    await page.waitForTimeout(200)
    await dueDay.fill(before)
    await dueDay.press('Tab')
    await page.getByTestId('settings-save').click()
    await toast(page, '设置已保存').last().waitFor()
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('a grid row saved by someone else meanwhile is refused and shows his figures', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    const unit = await apiSession('unit_zjj')
    const [project] = await fileableProjects(unit, await apiSession('office'))
    assert.ok(project, 'a project of unit_zjj whose report can be filed')
    await ensurePlan(unit, project.id, 6_000_000)
    const path = `/projects/${project.id}/reports/${reportYear}/${reportMonth}`
    const figures = (completed) => ({
      completed_this_month: completed, cumulative: completed, progress_text: '场地平整', progress_percent: 5, problems: '', photo_ids: [],
    })
    let report = await unit('GET', path)
    const entry = (await unit('GET', `/reports/entry?year=${reportYear}&month=${reportMonth}&limit=1000`)).body.items
      .find((item) => item.project_id === project.id)
    const previous = entry.previous_cumulative ?? 0
    if (report.status === 404) {
      report = await unit('PUT', path, { ...figures(10_000), cumulative: previous + 10_000, version: 0 })
      assert.equal(report.status, 200, JSON.stringify(report.body))
    }

    await loginAs(page, 'unit_zjj')
    await page.goto(`${BASE_URL}/progress/entry?year=${reportYear}&month=${reportMonth}`)
    const completed = page.getByTestId(`entry-completed-${project.id}`)
    await completed.waitFor()

    // Someone else saves the draft after the grid was loaded.
    const theirs = await unit('PUT', path, { ...figures(33_300), cumulative: previous + 33_300, version: report.body.version })
    assert.equal(theirs.status, 200, JSON.stringify(theirs.body))

    await completed.fill('7')
    await page.getByTestId(`entry-save-${project.id}`).click()
    await page.getByTestId(`entry-note-${project.id}`).filter({ hasText: '数据已被他人修改' }).waitFor()
    assert.equal(await completed.inputValue(), '3.33')
    await screenshot(page, 'report-entry-conflict')

    // Saved again on his version, it goes through.
    await completed.fill('7')
    await page.getByTestId(`entry-save-${project.id}`).click()
    await page.getByTestId(`entry-note-${project.id}`).filter({ hasText: '已保存' }).waitFor()
    assert.equal((await unit('GET', path)).body.completed_this_month, 70_000)
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})
