// Shared set-up of the browser tests: Debian's chromium driven by playwright-core, the server's
// base URL, sign-in, console-error collection and screenshots.
import { createRequire } from 'node:module'
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'

const here = path.dirname(fileURLToPath(import.meta.url))
export const ROOT = path.resolve(here, '../..')

// playwright-core is a devDependency of web/ (installed by `npm ci` there). Resolving it from
// web/package.json works whatever the current directory and without NODE_PATH.
const requireFromWeb = createRequire(path.join(ROOT, 'web', 'package.json'))
const { chromium } = requireFromWeb('playwright-core')

export const BASE_URL = (process.env.SANPI_URL ?? 'http://127.0.0.1:18080').replace(/\/$/, '')
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'web')
export const DEMO_PASSWORD = 'Sanpi2026'

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

// A 4xx answer of the API is part of ordinary use (the login page asks /auth/me before anyone
// has signed in; a form meets a validation error) and the page handles it; chromium still logs
// it as "Failed to load resource". Those lines are allowed; any other console error fails.
function isHandledApiAnswer(message) {
  const url = message.location()?.url ?? ''
  return (
    /Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()) &&
    new URL(url, BASE_URL).pathname.startsWith('/api/v1/')
  )
}

// Opens a browser with a fresh profile. Returns { context, page, errors, close }.
export async function openBrowser() {
  const profile = mkdtempSync(path.join(tmpdir(), 'sanpi-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  context.setDefaultTimeout(15_000)
  const page = context.pages()[0] ?? (await context.newPage())
  const errors = []
  page.on('console', (message) => {
    if (message.type() === 'error' && !isHandledApiAnswer(message)) errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`HTTP ${response.status()} ${response.url()}`)
  })
  return {
    context,
    page,
    errors,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

// Fails the test on any console error the page logged.
export function assertNoConsoleErrors(errors) {
  assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
}

export async function login(page, username, password = DEMO_PASSWORD) {
  await page.goto(`${BASE_URL}/login`)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

// Signs in and waits for the layout with the person's name in the header.
export async function loginAs(page, username, password = DEMO_PASSWORD) {
  await login(page, username, password)
  await page.getByTestId('user-name').waitFor()
  await page.waitForURL(/\/home$/)
}

// 统一社会信用代码 check character (GB 32100-2015), to make a fresh valid code on every run so the
// tests also pass against a server whose database they have used before.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
export function usccWithCheck(first17) {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i]
  return first17 + USCC_CHARS[(31 - (sum % 31)) % 31]
}
export function freshUscc() {
  const serial = String(Date.now() % 1e9).padStart(9, '0')
  return usccWithCheck(`91350100${serial}`)
}

// A visible Element Plus message (toast) with this text.
export function toast(page, text) {
  return page.locator('.el-message', { hasText: text })
}

// A signed-in API session of its own (cookie kept here), to set up and look up what the pages need.
// Returns call(method, path, body) → { status, body }.
export async function apiSession(username, password = DEMO_PASSWORD) {
  const api = `${BASE_URL}/api/v1`
  const login = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  assert.equal(login.status, 200, `${username} signs in`)
  const cookie = login.headers.get('set-cookie').split(';')[0]
  return async (method, path, body) => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { Cookie: cookie, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : null }
  }
}
