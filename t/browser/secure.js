// secure.js: __Host- cookies, the second factor's enrolment and the
// captcha in Chromium (secure.t says what and why).
'use strict';

const crypto = require('crypto');
const { run } = require('./lib');

// The 6-digit TOTP code (RFC 6238, SHA-1, 30 s) of a base32 secret.
function totp(secret, step) {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret) bits += abc.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const msg = Buffer.alloc(8);
  msg.writeUInt32BE(Math.floor(step / 2 ** 32), 0);
  msg.writeUInt32BE(step % 2 ** 32, 4);
  const h = crypto.createHmac('sha1', key).update(msg).digest();
  const o = h[19] & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, '0');
}

async function cookies(page) {
  const all = await page.context().cookies();
  return Object.fromEntries(all.map((c) => [c.name, c]));
}

async function hostCookies(t) {
  const page = await t.page('desktop');
  await page.goto(t.url('/login'));
  let c = await cookies(page);
  t.ok(c['__Host-gkbm_pre'] && c['__Host-gkbm_pre'].secure,
    'Chromium keeps the Secure __Host- pre-login cookie on http://127.0.0.1',
    JSON.stringify(c));
  await t.login(page, 'candidate', ...t.args.candidate);
  t.like(new URL(page.url()).pathname, /^\/home$/,
    'a candidate logs in with __Host- cookies');
  c = await cookies(page);
  t.ok(c['__Host-gkbm_sid'] && c['__Host-gkbm_sid'].secure &&
    c['__Host-gkbm_sid'].path === '/' && c['__Host-gkbm_sid'].httpOnly,
    'the session cookie: __Host-, Secure, Path=/, HttpOnly',
    JSON.stringify(c));
  await page.context().close();
}

async function enrol(t) {
  const [login, pw, phone] = t.args.province;
  const page = await t.page('desktop');
  await t.login(page, 'staff', login, pw);
  t.like(new URL(page.url()).pathname, /^\/login\/otp$/,
    'the province: to the second factor');
  t.is(await page.locator('svg').count(), 0, 'no QR code before the proof');
  await t.check(page, 'otp-verify');
  await Promise.all([page.waitForNavigation(),
    page.getByRole('button', { name: '获取短信验证码' }).click()]);
  await page.fill('#f-code', await t.ask('sms_code', phone));
  await Promise.all([page.waitForNavigation(),
    page.getByRole('button', { name: '验证', exact: true }).click()]);
  const secret = (await page.locator('.otp-secret strong').innerText()).trim();
  t.like(secret, /^[A-Z2-7]{32}$/, 'the SMS code proved: the secret shows');
  t.is(await page.locator('figure.qr-code svg').count(), 1, '... and its QR code');
  await t.check(page, 'otp-enroll');
  await page.fill('#f-code', totp(secret, Math.floor(Date.now() / 30000)));
  await Promise.all([page.waitForNavigation(),
    page.getByRole('button', { name: '绑定并登录' }).click()]);
  t.like(new URL(page.url()).pathname, /^\/home$/,
    'the first code enrolls and logs in');
  await page.context().close();
}

async function captcha(t) {
  const page = await t.page('phone');
  await t.ask('sql_do', 'INSERT INTO login_attempts (at, login_mac, ip, ok) ' +
    'SELECT NOW(), UNHEX(SHA2(seq, 256)), \'127.0.0.1\', 0 FROM seq_1_to_30');
  await page.goto(t.url('/login'));
  t.is(await page.locator('img.captcha').count(), 1,
    'an address that failed often: the login page shows the captcha');
  await page.waitForFunction(() => {
    const i = document.querySelector('img.captcha');
    return i && i.complete && i.naturalWidth === 120;
  });
  await t.check(page, 'login-captcha');
  const pre = (await cookies(page))['__Host-gkbm_pre'];
  await page.fill('#f-login-candidate', t.args.candidate[0]);
  await page.fill('#f-password-candidate', t.args.candidate[1]);
  await page.fill('#f-captcha-candidate', await t.ask('captcha', pre.value));
  await Promise.all([page.waitForNavigation(),
    page.click('.panel-candidate button[type=submit]')]);
  t.like(new URL(page.url()).pathname, /^\/home$/,
    'the captcha answered: logged in, nothing locked');
  await t.ask('sql_do', 'DELETE FROM login_attempts WHERE ok = 0');
  await page.context().close();
}

run(async (t) => {
  await hostCookies(t);
  await enrol(t);
  await captcha(t);
});
