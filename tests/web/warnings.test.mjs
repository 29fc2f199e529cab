import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, apiSession, assertNoConsoleErrors, loginAs, openBrowser, screenshot, toast } from './helpers.mjs'

// 预警督办: the warning centre (level chips, bulk acknowledge), the rule settings (a field error on its cell, a
// saved threshold, someone else's save met and reapplied, the sweep), a unit replying to a 督办单 and a leader
// signing it off, the 督办单 narrowed to one unit, and a viewer who sees no action at all. The tests pick pending warnings and orders from what
// the server has, so they also pass on a database they have used before.

// The <input> of an Element Plus field whose test id sits on the input itself or on a wrapper.
async function inputOf(scope, testId) {
  const element = scope.getByTestId(testId).first()
  return (await element.evaluate((node) => node.tagName)) === 'INPUT' ? element : element.locator('input').first()
}

async function setNumber(page, testId, value) {
  const input = await inputOf(page, testId)
  await input.fill(String(value))
  await input.press('Tab')
}

test('the office filters the warning centre by level and acknowledges two warnings at once', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    const office = await apiSession('office')
    let list = await office('GET', '/warnings?page_size=1')
    if (list.body.total === 0) {
      const swept = await office('POST', '/warnings/sweep')
      assert.equal(swept.status, 200, JSON.stringify(swept.body))
      list = await office('GET', '/warnings?page_size=1')
    }
    assert.ok(list.body.total > 0, 'the demo zone has warnings')
    const red = await office('GET', '/warnings?level=red&state=open&page=1&page_size=100')
    assert.ok(red.body.items.length >= 2, 'at least two red warnings')
    const pending = red.body.items.filter((w) => w.needs_acknowledgement)
    const chosen = (pending.length >= 2 ? pending : red.body.items).slice(0, 2)

    await loginAs(page, 'office')
    await page.getByTestId('menu-/warnings').click()
    await page.waitForURL(/\/warnings$/)
    const table = page.getByTestId('warnings-table')
    await table.locator('tbody tr').first().waitFor()
    assert.equal(await page.getByTestId('warning-chip-red').locator('.chip-count').innerText(), String(list.body.counts.red))

    // The chip filters, and the filter is in the address.
    await page.goto(`${BASE_URL}/warnings?page_size=100`)
    await table.locator('tbody tr').first().waitFor()
    await page.getByTestId('warning-chip-red').click()
    await page.waitForURL(/level=red/)
    await page.waitForFunction(() => {
      const tags = [...document.querySelectorAll('[data-testid=warnings-table] tbody [data-level]')]
      return tags.length > 0 && tags.every((tag) => tag.getAttribute('data-level') === 'red')
    })
    assert.match(page.url(), /page_size=100/)

    for (const w of chosen) await table.locator(`.warning-row-${w.id} .el-checkbox`).first().click()
    await page.getByTestId('warning-selected').filter({ hasText: '已选 2 条' }).waitFor()
    await page.getByTestId('warning-bulk-ack').click()
    const dialog = page.getByTestId('bulk-dialog')
    await dialog.getByTestId('bulk-response').fill('已约谈建设单位，本周内制定整改计划')
    await dialog.getByTestId('bulk-run').click()
    await dialog.getByTestId('bulk-summary').filter({ hasText: '2 条全部成功' }).waitFor()
    await screenshot(page, 'warnings-bulk-ack')
    await dialog.getByTestId('bulk-close').click()

    await page.reload()
    for (const w of chosen) {
      await table.locator(`.warning-row-${w.id} [data-testid=warning-ack]`).filter({ hasText: '已签收' }).waitFor()
    }
    // The detail drawer shows the response.
    await table.locator(`.warning-row-${chosen[0].id} [data-testid=warning-detail]`).first().click()
    const drawer = page.getByTestId('warning-drawer')
    await drawer.getByTestId('drawer-response').filter({ hasText: '已约谈建设单位' }).first().waitFor()
    await drawer.getByTestId('drawer-events').getByText('签收反馈').first().waitFor()
    await screenshot(page, 'warnings-drawer')
    for (const w of chosen) {
      const now = await office('GET', `/warnings/${w.id}`)
      assert.equal(now.body.needs_acknowledgement, false)
    }
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('the office changes a threshold, meets a field error and someone else\'s save, and runs the sweep', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    const office = await apiSession('office')
    const before = (await office('GET', '/warnings/rules')).body
    const reportLate = before.rules.find((r) => r.rule === 'report_late')
    const orange = reportLate.orange === 3 ? 4 : 3 // between yellow 1 and red 5 either way
    assert.ok(orange > reportLate.yellow && orange < reportLate.red, JSON.stringify(reportLate))

    await loginAs(page, 'office')
    await page.goto(`${BASE_URL}/warnings/rules`)
    await page.getByTestId('rules-table').locator('tbody tr').nth(6).waitFor()

    // Orange above red: the server's error shows under the red cell.
    await setNumber(page, 'rule-report_late-orange', reportLate.red + 4)
    await page.getByTestId('rules-save').click()
    await page.getByTestId('rule-report_late-red-item').locator('.el-form-item__error').filter({ hasText: '阈值应高于橙色阈值' }).waitFor()
    await screenshot(page, 'warning-rules-error')

    await setNumber(page, 'rule-report_late-orange', orange)
    await page.getByTestId('rules-save').click()
    await toast(page, '预警规则已保存').waitFor()
    await page.reload()
    await page.getByTestId('rules-table').locator('tbody tr').nth(6).waitFor()
    assert.equal(await (await inputOf(page, 'rule-report_late-orange')).inputValue(), String(orange))

    // Someone else saves the reply deadline meanwhile; my next save meets it, and my change is applied on top.
    const theirs = (await office('GET', '/warnings/rules')).body
    const replyDays = theirs.supervision_reply_days === 5 ? 6 : 5
    const saved = await office('PUT', '/warnings/rules', {
      version: theirs.version,
      supervision_reply_days: replyDays,
      rules: theirs.rules.map(({ name: _name, customised: _customised, ...rule }) => rule),
    })
    assert.equal(saved.status, 200, JSON.stringify(saved.body))
    const orangeAgain = orange === 3 ? 4 : 3
    await setNumber(page, 'rule-report_late-orange', orangeAgain)
    await page.getByTestId('rules-save').click()
    const conflict = page.getByTestId('rules-conflict')
    await conflict.filter({ hasText: '督办单回复期限' }).waitFor()
    assert.equal(await (await inputOf(page, 'rule-report_late-orange')).inputValue(), String(orange), 'their value is shown')
    await screenshot(page, 'warning-rules-conflict')
    await page.getByTestId('rules-reapply').click()
    assert.equal(await (await inputOf(page, 'rule-report_late-orange')).inputValue(), String(orangeAgain))
    await page.getByTestId('rules-save').click()
    await toast(page, '预警规则已保存').waitFor()
    const after = (await office('GET', '/warnings/rules')).body
    assert.equal(after.supervision_reply_days, replyDays)
    assert.equal(after.rules.find((r) => r.rule === 'report_late').orange, orangeAgain)

    await page.getByTestId('rules-sweep').click()
    await page.getByTestId('rules-sweep-result').waitFor()
    assert.ok(Number(await page.getByTestId('sweep-projects').innerText()) > 0)
    await screenshot(page, 'warning-rules')
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('a unit replies to a supervision order and a leader signs it off', async () => {
  let orderId = 0
  {
    const { page, errors, close } = await openBrowser()
    try {
      await loginAs(page, 'unit_zjj')
      await page.getByTestId('menu-/warnings/orders').click()
      const table = page.getByTestId('orders-table')
      const first = table.locator('tbody tr').first()
      await first.waitFor()
      orderId = Number(/order-row-(\d+)/.exec(await first.getAttribute('class'))[1])
      await first.getByTestId('order-reply').click()
      const dialog = page.getByTestId('order-dialog')
      await dialog.getByTestId('order-text').fill('已督促施工单位增加人员和设备，计划本月底前完成节点。')
      await dialog.getByTestId('order-submit').click()
      await toast(page, '回复已提交').waitFor()
      await page.getByTestId('order-tab-replied').click()
      await table.locator(`.order-row-${orderId} [data-testid=order-state]`).filter({ hasText: '已回复待签批' }).waitFor()
      // A unit neither returns nor signs off.
      assert.equal(await table.getByTestId('order-sign-off').count(), 0)
      await screenshot(page, 'orders-unit')
      assertNoConsoleErrors(errors)
    } finally {
      await close()
    }
  }
  {
    const { page, errors, close } = await openBrowser()
    try {
      await loginAs(page, 'leader1')
      await page.goto(`${BASE_URL}/warnings/orders?tab=replied`)
      const table = page.getByTestId('orders-table')
      const row = table.locator(`.order-row-${orderId}`)
      await row.waitFor()
      assert.equal(await row.getByTestId('order-reply').count(), 0, 'a leader does not reply')
      await row.getByTestId('order-sign-off').click()
      const dialog = page.getByTestId('order-dialog')
      await dialog.getByText('已督促施工单位增加人员和设备').waitFor()
      await dialog.getByTestId('order-text').fill('同意，请按期完成。')
      await dialog.getByTestId('order-submit').click()
      await toast(page, '已签批办结').waitFor()
      await page.getByTestId('order-tab-signed_off').click()
      await table.locator(`.order-row-${orderId} [data-testid=order-state]`).filter({ hasText: '已签批办结' }).waitFor()

      // The printable sheet.
      await page.goto(`${BASE_URL}/warnings/orders/${orderId}/print`)
      const sheet = page.getByTestId('order-sheet')
      await sheet.waitFor()
      assert.match(await sheet.getByTestId('order-number').innerText(), new RegExp(`${orderId}号`))
      await sheet.getByTestId('order-to').filter({ hasText: '住房和城乡建设局' }).waitFor()
      await sheet.getByText('同意，请按期完成。').waitFor()
      // A leader may not list users, yet the sheet names who replied and who signed it off.
      assert.doesNotMatch(await sheet.innerText(), /用户#\d/, 'every person on the sheet is named')
      await page.emulateMedia({ media: 'print' })
      assert.equal(await page.getByTestId('order-print-btn').isVisible(), false, 'the button is not printed')
      await screenshot(page, 'order-print')
      await page.emulateMedia({ media: 'screen' })
      assertNoConsoleErrors(errors)
    } finally {
      await close()
    }
  }
})

test('the office narrows the 督办单 to one unit, and the choice stays in the address', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    // Every order of the zone by the unit it is addressed to, as the server has them.
    const office = await apiSession('office')
    if ((await office('GET', '/warnings?page_size=1')).body.total === 0) await office('POST', '/warnings/sweep')
    const byUnit = new Map()
    for (const state of ['issued', 'replied', 'signed_off']) {
      for (let n = 1; ; n++) {
        const answer = await office('GET', `/warnings?state=all&order=${state}&page=${n}&page_size=500`)
        assert.equal(answer.status, 200, JSON.stringify(answer.body))
        for (const w of answer.body.items) byUnit.set(w.order.to_unit_id, (byUnit.get(w.order.to_unit_id) ?? 0) + 1)
        if (answer.body.items.length < 500) break
      }
    }
    const total = [...byUnit.values()].reduce((sum, n) => sum + n, 0)
    const [unitId, count] = [...byUnit.entries()].sort((a, b) => a[1] - b[1])[0]
    assert.ok(count > 0 && count < total, `orders of more than one unit (${JSON.stringify([...byUnit])})`)
    const units = await office('GET', '/org-units?page=1&page_size=500')
    const unitName = units.body.items.find((u) => u.id === unitId).name

    await loginAs(page, 'office')
    await page.goto(`${BASE_URL}/warnings/orders?tab=all`)
    const table = page.getByTestId('orders-table')
    const allCount = page.getByTestId('order-tab-all').locator('.tab-count')
    await allCount.filter({ hasText: new RegExp(`^${total}$`) }).waitFor()

    await page.getByTestId('order-filter-unit').click()
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: new RegExp(`^${unitName}$`) }).click()
    await allCount.filter({ hasText: new RegExp(`^${count}$`) }).waitFor()
    await page.waitForURL(new RegExp(`unit_id=${unitId}`))
    const addressed = await table.getByTestId('order-to-unit').allInnerTexts()
    assert.equal(addressed.length, Math.min(count, 20))
    assert.ok(addressed.every((name) => name === unitName), `every order shown is addressed to ${unitName}`)

    // A reload, or a link someone was sent, shows the same narrowed list.
    await page.reload()
    await allCount.filter({ hasText: new RegExp(`^${count}$`) }).waitFor()
    assert.equal(await table.getByTestId('order-to-unit').count(), Math.min(count, 20))
    await table.locator('.el-loading-mask').waitFor({ state: 'hidden' })
    await screenshot(page, 'orders-one-unit')
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('a viewer reads warnings, orders and rules without any action', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await loginAs(page, 'viewer')
    await page.getByTestId('menu-/warnings').click()
    const table = page.getByTestId('warnings-table')
    await table.locator('tbody tr').first().waitFor()
    assert.equal(await page.getByTestId('warning-bulk-ack').count(), 0)
    assert.equal(await page.getByTestId('warning-bulk-assign').count(), 0)
    assert.equal(await table.locator('.el-checkbox').count(), 0)
    await table.getByTestId('warning-detail').first().click()
    const drawer = page.getByTestId('warning-drawer')
    await drawer.getByTestId('drawer-message').waitFor()
    assert.equal(await drawer.getByTestId('drawer-acknowledge').count(), 0)
    assert.equal(await drawer.getByTestId('drawer-assign').count(), 0)

    await page.goto(`${BASE_URL}/warnings/orders?tab=all`)
    await page.getByTestId('orders-table').locator('tbody tr').first().waitFor()
    for (const id of ['order-reply', 'order-sign-off', 'order-return']) assert.equal(await page.getByTestId(id).count(), 0, id)

    await page.goto(`${BASE_URL}/warnings/rules`)
    await page.getByTestId('rules-table').locator('tbody tr').nth(6).waitFor()
    assert.equal(await page.getByTestId('rules-save').count(), 0)
    assert.equal(await page.getByTestId('rules-sweep').count(), 0)
    assert.equal(await (await inputOf(page, 'rule-report_late-orange')).isDisabled(), true)
    await screenshot(page, 'warning-rules-viewer')
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('the pager moves through the warning centre, and a new page size starts again at page 1', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    const office = await apiSession('office')
    const total = (await office('GET', '/warnings?page_size=1')).body.total
    assert.ok(total > 20, `more than two pages of 10 (total ${total})`)
    await loginAs(page, 'office')
    await page.goto(`${BASE_URL}/warnings?page_size=10`)
    const rows = page.getByTestId('warnings-table').locator('tbody tr')
    await rows.first().waitFor()
    const params = () => new URL(page.url()).searchParams
    const firstOnPage1 = await rows.first().innerText()

    await page.locator('.el-pagination .el-pager li', { hasText: /^2$/ }).click()
    await page.waitForURL((url) => url.searchParams.get('page') === '2')
    await page.waitForFunction((first) => {
      const row = document.querySelector('[data-testid=warnings-table] tbody tr')
      return row && row.innerText !== first
    }, firstOnPage1)
    assert.equal(await rows.count(), 10)

    await page.locator('.el-pagination .el-pagination__sizes .el-select').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '50' }).click()
    await page.waitForURL((url) => url.searchParams.get('page_size') === '50')
    assert.notEqual(params().get('page'), '2', 'back to the first page')
    const expected = Math.min(50, total)
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=warnings-table] tbody tr').length === n, expected)
    assert.equal(await page.locator('.el-pagination .el-pager li.is-active').innerText(), '1')
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})
