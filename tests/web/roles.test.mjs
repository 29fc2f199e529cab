import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, assertNoConsoleErrors, loginAs, openBrowser, screenshot } from './helpers.mjs'

async function menuTexts(page) {
  return (await page.getByTestId('side-menu').innerText()).split('\n').map((s) => s.trim()).filter(Boolean)
}

test('a unit user has no user or unit administration in his menu, nor by address', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await loginAs(page, 'unit_zjj')
    const menu = await menuTexts(page)
    assert.ok(menu.includes('企业管理'), `企业管理 in ${menu}`)
    assert.ok(!menu.includes('用户管理'), `no 用户管理 in ${menu}`)
    assert.ok(!menu.includes('单位管理'), `no 单位管理 in ${menu}`)
    assert.equal(await page.getByTestId('user-role').innerText(), '责任单位')
    await screenshot(page, 'home-unit')

    await page.goto(`${BASE_URL}/system/user`)
    await page.waitForURL(/\/home$/)
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('the project office sees the org units read-only and no user administration', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await loginAs(page, 'office')
    const menu = await menuTexts(page)
    assert.ok(menu.includes('单位管理') && menu.includes('企业管理'), `${menu}`)
    assert.ok(!menu.includes('用户管理'), `${menu}`)
    await page.getByTestId('menu-/system/org-unit').click()
    await page.getByTestId('orgunit-table').getByText('住房和城乡建设局').waitFor()
    assert.equal(await page.getByTestId('orgunit-add').count(), 0)
    await screenshot(page, 'orgunit-office')
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})
