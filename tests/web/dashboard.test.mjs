// 挂图作战 on the wall screen (1920×1080) and on a laptop (1366×768): a leader opens it from the menu, the charts
// render, the KPI numbers are the API's, nothing scrolls on the wall, the most-late list links to the project, and
// the page logs no console error. Screenshots: test-artifacts/web/dashboard-1920x1080.png, dashboard-1366x768.png.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, assertNoConsoleErrors, loginAs, openBrowser, screenshot } from './helpers.mjs'

const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))

async function dashboardFigures(page) {
  return page.evaluate(async (year) => {
    const response = await fetch(`/api/v1/dashboard?year=${year}`, { credentials: 'same-origin' })
    return response.json()
  }, thisYear)
}

// Every chart panel has drawn into its canvas.
async function waitForCharts(page, ids) {
  for (const id of ids) await page.getByTestId(id).locator('canvas').first().waitFor()
  await page.waitForTimeout(1200) // let the entry animations finish before the screenshot
}

test('a leader reads the dashboard on a 1920×1080 wall and on a 1366×768 laptop', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await page.setViewportSize({ width: 1920, height: 1080 })
    await loginAs(page, 'leader1')
    await page.getByTestId('menu-/dashboard').click().catch(async () => page.goto(`${BASE_URL}/dashboard`))
    await page.waitForURL(/\/dashboard$/)
    await page.getByTestId('kpi-count').waitFor()
    await waitForCharts(page, ['chart-plan', 'chart-map', 'chart-levels', 'chart-gantt'])

    const api = await dashboardFigures(page)
    assert.equal(api.year, thisYear)
    assert.ok(api.campaign.count > 0, 'the demo zone has a roster')
    assert.equal(await page.getByTestId('kpi-count').innerText(), String(api.campaign.count))
    assert.equal(await page.getByTestId('kpi-sign-count').innerText(), String(api.campaign.sign.count))
    assert.equal(await page.getByTestId('kpi-start-count').innerText(), String(api.campaign.start.count))
    assert.equal(await page.getByTestId('kpi-production-count').innerText(), String(api.campaign.production.count))
    for (const rate of ['fulfilment', 'start', 'production', 'effect']) {
      assert.equal(await page.getByTestId(`kpi-rate-${rate}`).innerText(), api.campaign.rates[rate].text, rate)
    }
    assert.ok(api.map.outline, 'the demo zone has an outline')
    assert.ok(api.map.points.length > 0, 'demo projects have coordinates')
    assert.match(await page.getByTestId('dashboard-title').innerText(), /郑州高新技术产业开发区/)
    assert.match(await page.getByTestId('dashboard-updated').innerText(), /更新于/)
    assert.match(await page.getByTestId('warnings-open').innerText(), new RegExp(`${api.warnings.open}`))

    // The wall: everything on one screen.
    const size = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth }))
    assert.ok(size.height <= 1080 && size.width <= 1920, `fits 1920×1080 without scrolling: ${JSON.stringify(size)}`)
    await screenshot(page, 'dashboard-1920x1080')

    // A laptop: the panels stack, nothing is cut off sideways.
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.waitForTimeout(600)
    const laptop = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(laptop <= 1366, `no sideways scrolling at 1366: ${laptop}`)
    assert.ok(await page.getByTestId('kpi-count').isVisible())
    await waitForCharts(page, ['chart-plan', 'chart-map'])
    await screenshot(page, 'dashboard-1366x768')

    // The most-late list links to the project's page.
    const link = page.getByTestId('late-table').locator('a').first()
    if (api.late_projects.length > 0) {
      await link.click()
      await page.waitForURL(new RegExp(`/project/${api.late_projects[0].project_id}$`))
    }
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})

test('the dashboard follows the language switch and the year selector', async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await page.setViewportSize({ width: 1920, height: 1080 })
    await loginAs(page, 'viewer')
    await page.evaluate(() => localStorage.setItem('sanpi.locale', 'en'))
    await page.goto(`${BASE_URL}/dashboard`)
    await page.getByTestId('kpi-count').waitFor()
    await waitForCharts(page, ['chart-plan'])
    assert.match(await page.getByTestId('dashboard-updated').innerText(), /Updated/)
    const answer = page.waitForResponse((r) => r.url().includes(`/api/v1/dashboard?year=${thisYear - 1}`))
    await page.getByTestId('dashboard-year').click()
    await page.locator('.el-select-dropdown__item', { hasText: String(thisYear - 1) }).click()
    assert.equal((await answer).status(), 200)
    await screenshot(page, 'dashboard-en-last-year')
    await page.evaluate(() => localStorage.setItem('sanpi.locale', 'zh-CN'))
    assertNoConsoleErrors(errors)
  } finally {
    await close()
  }
})
