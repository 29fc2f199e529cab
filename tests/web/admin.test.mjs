import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, assertNoConsoleErrors, loginAs, openBrowser, screenshot, toast } from './helpers.mjs'

test('the administrator adds a sub-unit under 园区运营中心 and sees it in the tree', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await loginAs(page, 'admin')
    await page.goto(`${BASE_URL}/system/org-unit`)
    const table = page.getByTestId('orgunit-table')
    const parentRow = table.locator('.el-table__body tr', { hasText: '园区运营中心' }).first()
    await parentRow.waitFor()
    await screenshot(page, 'orgunit-admin')

    const suffix = String(Date.now()).slice(-6)
    await parentRow.getByRole('button', { name: '新增下级' }).click()
    const form = page.getByTestId('orgunit-form')
    await form.getByTestId('orgunit-name').fill(`园区运营中心测试科${suffix}`)
    await form.getByTestId('orgunit-code').fill(`T${suffix}`)
    await page.getByTestId('orgunit-save').click()
    await toast(page, '新增成功').waitFor()
    await table.getByText(`园区运营中心测试科${suffix}`).waitFor()
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('the administrator creates a user who can then sign in', async () => {
  const { page, errors, close } = await openBrowser()
  const username = `tester${String(Date.now()).slice(-6)}`
  try {
    await loginAs(page, 'admin')
    await page.getByTestId('menu-/system/user').click()
    await page.getByTestId('user-table').locator('.el-table__body tr').first().waitFor()
    await screenshot(page, 'user-list')

    await page.getByTestId('user-add').click()
    const dialog = page.getByTestId('user-dialog')
    await dialog.getByTestId('user-username').fill(username)
    await dialog.getByTestId('user-display-name').fill('测试 科员')
    await dialog.getByTestId('user-roles').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '包联领导' }).click()
    await page.keyboard.press('Escape')
    await dialog.getByTestId('user-password').fill('Passw0rd2026')

    // The default data scope is "own unit": without a unit the server names the unit field.
    await page.getByTestId('user-save').click()
    const unitField = dialog.getByTestId('field-unit_id')
    const unitError = unitField.locator('.el-form-item__error')
    await unitError.waitFor()
    assert.match(await unitError.innerText(), /[\u4e00-\u9fff]/)
    await screenshot(page, 'user-form-unit-error')

    await unitField.locator('.el-select__wrapper').click()
    await page.locator('.el-tree-node:visible .el-select-dropdown__item', { hasText: '住房和城乡建设局' }).click()
    await unitError.waitFor({ state: 'detached' })
    await screenshot(page, 'user-form')
    await page.getByTestId('user-save').click()
    await toast(page, '新增成功').waitFor()
    await page.getByTestId('user-q').fill(username)
    await page.getByTestId('user-q').press('Enter')
    const row = page.getByTestId('user-table').locator('.el-table__body tr', { hasText: username })
    await row.waitFor()
    assert.match(await row.innerText(), /包联领导/)
    assert.match(await row.innerText(), /住房和城乡建设局/)
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }

  const second = await openBrowser()
  try {
    await loginAs(second.page, username, 'Passw0rd2026')
    assert.equal(await second.page.getByTestId('user-name').innerText(), '测试 科员')
    assertNoConsoleErrors(second.errors)
  } finally {
    await second.close()
  }
})
