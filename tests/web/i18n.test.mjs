import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, assertNoConsoleErrors, loginAs, openBrowser, screenshot } from './helpers.mjs'

async function menuTexts(page) {
  return (await page.getByTestId('side-menu').innerText()).split('\n').map((s) => s.trim()).filter(Boolean)
}

test('the language switch turns the pages and the server messages to English, and stays', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await loginAs(page, 'admin')
    assert.ok((await menuTexts(page)).includes('企业管理'))

    await page.getByTestId('lang-switch').click()
    await page.getByTestId('lang-en').click()
    await page.getByTestId('side-menu').getByText('Enterprises').waitFor()
    const menu = await menuTexts(page)
    for (const label of ['Home', 'Enterprises', 'Org units', 'Users']) assert.ok(menu.includes(label), `${label} in ${menu}`)
    assert.ok(!menu.some((s) => /[\u4e00-\u9fff]/.test(s)), `no Chinese left in the menu: ${menu}`)
    assert.equal(await page.getByTestId('user-role').innerText(), 'Administrator')
    assert.equal(await page.title(), 'Three Batches Project Supervision')

    // The choice survives a reload.
    await page.goto(`${BASE_URL}/enterprise`)
    await page.getByTestId('enterprise-table').locator('.el-table__body tr').first().waitFor()
    const headers = await page.getByTestId('enterprise-table').locator('thead').innerText()
    assert.match(headers, /Unified social credit code/)
    assert.match(await page.locator('.el-pagination').innerText(), /Total/)
    await screenshot(page, 'enterprise-list-en')

    // The server answers in English too (Accept-Language).
    await page.getByTestId('enterprise-add').click()
    const dialog = page.getByTestId('enterprise-dialog')
    await dialog.getByTestId('enterprise-name').fill('English Test Co.')
    await dialog.getByTestId('enterprise-uscc').fill('91350100M000100Y44')
    await dialog.getByTestId('enterprise-save').click()
    const usccError = dialog.getByTestId('field-uscc').locator('.el-form-item__error')
    await usccError.waitFor()
    assert.doesNotMatch(await usccError.innerText(), /[\u4e00-\u9fff]/)
    await screenshot(page, 'enterprise-uscc-error-en')

    // Back to Chinese.
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await page.getByTestId('lang-switch').click()
    await page.getByTestId('lang-zh-CN').click()
    await page.getByTestId('side-menu').getByText('企业管理').waitFor()
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('the login page offers the switch before anyone signs in', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await page.goto(`${BASE_URL}/login`)
    await page.getByTestId('lang-switch').click()
    await page.getByTestId('lang-en').click()
    await page.locator('.panel h2', { hasText: 'Sign in' }).waitFor()
    assert.equal(await page.getByTestId('login-submit').innerText(), 'Sign in')
    await screenshot(page, 'login-en')
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})
