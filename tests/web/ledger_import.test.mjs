import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { assertNoConsoleErrors, loginAs, openBrowser, screenshot, toast } from './helpers.mjs'
import { xlsx } from './xlsx.mjs'

test('the office imports a small ledger through the dialog: problems first, then the project appears', async () => {
  const { page, errors, close } = await openBrowser()
  const name = `导入测试项目${Date.now() % 1_000_000}`
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanpi-ledger-'))
  const header = ['项目名称', '总投资（万元）', '当前阶段', '责任单位', '包联领导', '责任人', '产业领域']
  const bad = path.join(dir, 'bad.xlsx')
  const good = path.join(dir, 'good.xlsx')
  fs.writeFileSync(bad, xlsx([header, [name, '1234.56789', '谋划储备', '园区运营中心', 'leader1', '赵六', '新材料']]))
  fs.writeFileSync(good, xlsx([header, [name, '1234.5678', '谋划储备', '园区运营中心', 'leader1', '赵六', '新材料']]))
  try {
    await loginAs(page, 'office')
    await page.getByTestId('menu-/project').click()
    await page.getByTestId('ledger-import').click()
    const dialog = page.getByTestId('ledger-import-dialog')
    await dialog.locator('input[type=file]').setInputFiles(bad)
    const problems = page.getByTestId('ledger-problems')
    await problems.filter({ hasText: '总投资（万元）' }).waitFor()
    assert.match(await problems.innerText(), /1234\.56789/)
    assert.equal(await page.getByTestId('ledger-import-confirm').isDisabled(), true)
    await screenshot(page, 'ledger-import-problems')

    await dialog.locator('input[type=file]').setInputFiles(good)
    await page.getByTestId('ledger-actions').filter({ hasText: name }).waitFor()
    assert.equal((await page.getByTestId('count-create').innerText()).trim(), '1')
    await page.getByTestId('ledger-import-confirm').click()
    await toast(page, '导入完成').waitFor()
    await page.getByTestId('ledger-q').fill(name)
    await page.getByTestId('ledger-search-btn').click()
    await page.locator('.el-table__row:visible', { hasText: name }).first().waitFor()
    assert.match(await page.locator('.el-table__row:visible', { hasText: name }).innerText(), /1,234\.57/)
    assertNoConsoleErrors(errors)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
    await close()
  }
})
