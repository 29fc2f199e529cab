import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, assertNoConsoleErrors, login, loginAs, openBrowser, screenshot } from './helpers.mjs'

test('an unsigned visitor lands on the Chinese login page', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await page.goto(`${BASE_URL}/enterprise`)
    await page.waitForURL(/\/login\?redirect=/)
    await page.getByTestId('login-submit').waitFor()
    assert.equal(await page.locator('.panel h2').innerText(), '用户登录')
    assert.equal(await page.title(), '三个一批项目监管平台')
    await screenshot(page, 'login-zh')
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('a wrong password shows the server message and keeps the visitor out', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await login(page, 'viewer', 'not-the-password-1')
    const alert = page.getByTestId('login-error')
    await alert.waitFor()
    assert.match(await alert.innerText(), /\S/)
    assert.match(page.url(), /\/login/)
    await screenshot(page, 'login-wrong-password')
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('the administrator signs in, sees his name and role, and signs out', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await page.goto(`${BASE_URL}/enterprise`)
    await page.waitForURL(/\/login/)
    await page.getByTestId('login-username').fill('admin')
    await page.getByTestId('login-password').fill('Sanpi2026')
    await page.getByTestId('login-submit').click()
    // back to the page he asked for
    await page.waitForURL(/\/enterprise$/)
    assert.equal(await page.getByTestId('user-name').innerText(), '系统管理员')
    assert.equal(await page.getByTestId('user-role').innerText(), '系统管理员')

    // the session survives a reload (cookie)
    await page.reload()
    await page.getByTestId('user-name').waitFor()
    await page.goto(`${BASE_URL}/home`)
    await page.locator('.welcome h2').waitFor()
    await screenshot(page, 'home-admin')

    await page.getByTestId('user-menu').click()
    await page.getByTestId('logout').click()
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
    await page.waitForURL(/\/login/)
    // the cookie is gone: a protected page sends him back to the login page
    await page.goto(`${BASE_URL}/system/user`)
    await page.waitForURL(/\/login/)
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('signing in again after login is not asked twice', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await loginAs(page, 'office')
    await page.goto(`${BASE_URL}/login`)
    await page.waitForURL(/\/home$/)
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})
