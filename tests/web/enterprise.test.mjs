import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, assertNoConsoleErrors, freshUscc, loginAs, openBrowser, screenshot, toast } from './helpers.mjs'

const INVALID_USCC = '91350100M000100Y44' // check character should be 3

test('the administrator creates an enterprise after meeting the USCC check error', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await loginAs(page, 'admin')
    await page.getByTestId('menu-/enterprise').click()
    await page.waitForURL(/\/enterprise$/)
    await page.getByTestId('enterprise-table').locator('.el-table__body tr').first().waitFor()
    await screenshot(page, 'enterprise-list')

    const name = `自动化测试企业${Date.now()}有限公司`
    await page.getByTestId('enterprise-add').click()
    const dialog = page.getByTestId('enterprise-dialog')
    await dialog.getByTestId('enterprise-name').fill(name)
    await dialog.getByTestId('enterprise-uscc').fill(INVALID_USCC)
    await dialog.getByTestId('enterprise-save').click()

    // The server's message sits under the USCC input, not just in a toast.
    const usccError = dialog.getByTestId('field-uscc').locator('.el-form-item__error')
    await usccError.waitFor()
    const message = (await usccError.innerText()).trim()
    assert.ok(message.length > 0, 'a message under the USCC field')
    assert.match(message, /[\u4e00-\u9fff]/, 'in Chinese, the language of the page')
    assert.equal(await dialog.getByTestId('field-name').locator('.el-form-item__error').count(), 0)
    await screenshot(page, 'enterprise-uscc-error')

    // Editing the field takes the stale error away.
    const valid = freshUscc()
    await dialog.getByTestId('enterprise-uscc').fill(valid)
    await usccError.waitFor({ state: 'detached' })
    await dialog.getByTestId('enterprise-save').click()
    await toast(page, '新增成功').waitFor()
    await dialog.waitFor({ state: 'hidden' })

    // It is in the list, found by its credit code.
    await page.getByTestId('enterprise-q').fill(valid)
    await page.getByTestId('enterprise-search-btn').click()
    const rows = page.getByTestId('enterprise-table').locator('.el-table__body tr', { hasText: name })
    await rows.first().waitFor()
    assert.equal(await rows.count(), 1)
    assert.match(await rows.first().innerText(), new RegExp(valid))
    await screenshot(page, 'enterprise-created')
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('a read-only role sees the enterprise list without edit buttons', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await loginAs(page, 'viewer')
    await page.goto(`${BASE_URL}/enterprise`)
    await page.getByTestId('enterprise-table').locator('.el-table__body tr').first().waitFor()
    assert.equal(await page.getByTestId('enterprise-add').count(), 0)
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('a stale save is refused, the latest record is loaded, and the second save wins', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await loginAs(page, 'admin')
    // An enterprise of this run, so other runs do not matter.
    const uscc = freshUscc()
    const created = await page.evaluate(async (code) => {
      const response = await fetch('/api/v1/enterprises', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `并发编辑测试${code}有限公司`, uscc: code, contact: '甲' }),
      })
      return response.json()
    }, uscc)
    assert.equal(created.version, 1)

    await page.goto(`${BASE_URL}/enterprise`)
    await page.getByTestId('enterprise-q').fill(uscc)
    await page.getByTestId('enterprise-search-btn').click()
    const row = page.getByTestId('enterprise-table').locator('.el-table__body tr', { hasText: uscc })
    await row.first().waitFor()
    await row.first().getByRole('button', { name: '编辑' }).click()
    const dialog = page.getByTestId('enterprise-dialog')
    const contact = dialog.getByTestId('enterprise-contact')
    await page.waitForFunction(() => document.querySelector('[data-testid=enterprise-contact]')?.value === '甲')

    // Someone else saves first.
    const status = await page.evaluate(async (record) => {
      const { id, name, uscc, industry, tags, address, phone, unit_id, version } = record
      const response = await fetch(`/api/v1/enterprises/${id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, uscc, industry, tags, address, contact: '乙', phone, unit_id, version }),
      })
      return response.status
    }, created)
    assert.equal(status, 200)

    await contact.fill('丙')
    await dialog.getByTestId('enterprise-save').click()
    await toast(page, '已被他人修改').waitFor()
    // The dialog stays open with what the other person saved.
    await page.waitForFunction(() => document.querySelector('[data-testid=enterprise-contact]')?.value === '乙')
    await screenshot(page, 'enterprise-conflict')

    await contact.fill('丙')
    await dialog.getByTestId('enterprise-save').click()
    await toast(page, '保存成功').waitFor()
    await dialog.waitFor({ state: 'hidden' })
    await row.first().getByText('丙').waitFor()
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})
