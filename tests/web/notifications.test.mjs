import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, apiSession, assertNoConsoleErrors, loginAs, openBrowser, screenshot, toast } from './helpers.mjs'

// 通知: the office adds a JSON webhook nobody listens on, a unit acknowledges a red warning (an event for the
// office's inbox and for the webhook), the bell shows the unread count, the inbox is read, the target edited, and
// the outbox lists the message (pending or failed — the delivery worker's timing is not waited for). A viewer has
// neither the menu entry nor the page.

async function unreadOnBell(page) {
  return Number(await page.getByTestId('inbox-bell').getAttribute('data-unread'))
}

test('the office sets up a webhook, reads the inbox from the bell and sees the outbox', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    const office = await apiSession('office')
    const unit = await apiSession('unit_zjj')
    const name = `测试回调-${Date.now() % 1e8}`

    await loginAs(page, 'office')
    await page.getByTestId('menu-/warnings/notifications').click()
    await page.waitForURL(/\/warnings\/notifications$/)
    await page.getByTestId('targets-table').waitFor()

    // A JSON webhook on a port nobody listens on: its messages stay pending, then fail.
    await page.getByTestId('target-add').click()
    const dialog = page.getByTestId('target-dialog')
    await dialog.getByTestId('target-name').fill(name)
    await dialog.getByTestId('target-channel').click()
    await page.getByTestId('target-channel-json').click()
    assert.equal(await dialog.getByTestId('target-secret').count(), 0, 'no secret for a JSON webhook')
    // A bad address first: the server's message shows under the URL field.
    await dialog.getByTestId('target-url').fill('ftp://127.0.0.1:9/hook')
    await dialog.getByTestId('target-save').click()
    await dialog.locator('.el-form-item__error').first().waitFor()
    await dialog.getByTestId('target-url').fill('http://127.0.0.1:9/hook')
    await dialog.getByTestId('target-save').click()
    await toast(page, '新增成功').waitFor()
    const row = page.getByTestId('targets-table').locator('tbody tr', { hasText: name })
    await row.waitFor()
    const created = (await office('GET', '/notification-targets')).body.items.find((t) => t.name === name)
    assert.ok(created, 'the target is stored')
    assert.equal(created.channel, 'json')
    assert.equal(created.url, 'http://127.0.0.1:9/hook')

    // DingTalk shows the secret field.
    await row.getByTestId('target-edit').click()
    await dialog.getByTestId('target-name').waitFor()
    await dialog.getByTestId('target-channel').click()
    await page.getByTestId('target-channel-dingtalk').click()
    await dialog.getByTestId('target-secret').waitFor()
    await dialog.getByTestId('target-channel').click()
    await page.getByTestId('target-channel-json').click()
    await dialog.getByTestId('target-secret').waitFor({ state: 'detached' })
    // Edit: a new name, saved with the version read.
    await dialog.getByTestId('target-name').fill(`${name}-改`)
    await dialog.getByTestId('target-save').click()
    await toast(page, '保存成功').waitFor()
    await page.getByTestId('targets-table').locator('tbody tr', { hasText: `${name}-改` }).waitFor()
    const edited = (await office('GET', `/notification-targets/${created.id}`)).body
    assert.equal(edited.name, `${name}-改`)
    assert.equal(edited.version, created.version + 1)
    await screenshot(page, 'notification-targets')

    // A unit acknowledges one of its red warnings: an event the office hears, and a message for the webhook.
    const red = (await unit('GET', '/warnings?level=red&state=open&page=1&page_size=100')).body.items
    const pending = red.find((w) => w.needs_acknowledgement)
    assert.ok(pending, 'the unit has a red warning to acknowledge')
    const acked = await unit('POST', `/warnings/${pending.id}/acknowledge`, { version: pending.version, response: '已安排专人跟进' })
    assert.equal(acked.status, 200, JSON.stringify(acked.body))

    // The bell asks again on a route change.
    await page.getByTestId('menu-/warnings').click()
    await page.waitForURL(/\/warnings$/)
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=inbox-bell]')?.getAttribute('data-unread')) > 0)
    const unread = (await office('GET', '/inbox?page_size=1')).body.unread
    assert.ok(unread > 0)
    await page.getByTestId('inbox-bell').click()
    const panel = page.getByTestId('inbox-panel')
    await panel.locator('li').first().waitFor()
    await panel.getByText('签收反馈').first().waitFor()
    await screenshot(page, 'inbox-bell')
    await panel.getByTestId('inbox-read-all').click()
    await page.waitForFunction(() => document.querySelector('[data-testid=inbox-bell]')?.getAttribute('data-unread') === '0')
    assert.equal((await office('GET', '/inbox?page_size=1')).body.unread, 0)

    // The inbox page: nothing unread, an item opens its warning in the warning centre's drawer.
    await panel.getByTestId('inbox-show-all').click()
    await page.waitForURL(/\/inbox$/)
    const inbox = page.getByTestId('inbox-table')
    await inbox.locator('tbody tr').first().waitFor()
    await page.getByTestId('inbox-unread').filter({ hasText: '0 条未读' }).waitFor()
    await page.getByTestId('inbox-only-unread').click()
    await inbox.getByText('没有未读消息').waitFor()
    await page.getByTestId('inbox-only-unread').click()
    const item = inbox.locator('tbody tr', { hasText: pending.project_name }).first()
    await item.waitFor()
    await screenshot(page, 'inbox')
    await item.getByTestId('inbox-open').click()
    await page.waitForURL(/\/warnings$/)
    const drawer = page.getByTestId('warning-drawer')
    await drawer.getByTestId('drawer-message').waitFor()
    await drawer.getByTestId('drawer-response').filter({ hasText: '已安排专人跟进' }).first().waitFor()
    assert.equal(await unreadOnBell(page), 0)

    // The outbox lists the message to the webhook (pending, or failed after its attempts).
    await page.goto(`${BASE_URL}/warnings/notifications?tab=outbox`)
    const outbox = page.getByTestId('outbox-table')
    const message = outbox.locator('tbody tr.outbox-row', { hasText: `${name}-改` }).first()
    await message.waitFor()
    assert.match(await message.getByTestId('outbox-state-tag').innerText(), /待发送|发送失败/)
    const listed = (await office('GET', '/outbox?page_size=100')).body.items.filter((m) => m.target_id === created.id)
    assert.ok(listed.length > 0)
    await page.getByTestId('outbox-state-delivered').click()
    await page.waitForURL(/state=delivered/)
    await outbox.getByText('暂无消息').waitFor()
    await page.getByTestId('outbox-state-all').click()
    await page.waitForURL(/tab=outbox$/)
    await message.waitFor()
    await screenshot(page, 'notification-outbox')

    // Tidy up: the target (and its messages) go, after a confirmation.
    await page.goto(`${BASE_URL}/warnings/notifications`)
    await page.getByTestId('targets-table').locator('tbody tr', { hasText: `${name}-改` }).getByTestId('target-delete').click()
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
    await toast(page, '删除成功').waitFor()
    assert.equal((await office('GET', `/notification-targets/${created.id}`)).status, 404)
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('a viewer has the inbox but no notification settings', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    const viewer = await apiSession('viewer')
    assert.equal((await viewer('GET', '/notification-targets')).status, 403)
    assert.equal((await viewer('GET', '/outbox')).status, 403)
    assert.equal((await viewer('GET', '/inbox')).status, 200)

    await loginAs(page, 'viewer')
    await page.getByTestId('inbox-bell').waitFor()
    await page.getByTestId('menu-/warnings').waitFor()
    assert.equal(await page.getByTestId('menu-/warnings/notifications').count(), 0)
    await page.goto(`${BASE_URL}/warnings/notifications`)
    await page.waitForURL(/\/home$/)
    await page.goto(`${BASE_URL}/inbox`)
    await page.getByTestId('inbox-table').waitFor()
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})
