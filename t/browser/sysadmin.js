// sysadmin.js: 系统管理 at a desktop's and a phone's size (sysadmin.t says
// what and why).
'use strict';

const { run } = require('./lib');

async function go(t, page, path, name) {
  const r = await page.goto(t.url(path));
  t.is(r.status(), 200, `${name}: ${path} answers 200`);
  await t.check(page, name);
}

async function submit(page, form, button) {
  await Promise.all([page.waitForNavigation(),
    page.locator(form).getByRole('button', { name: button }).click()]);
}

async function units(t, page, kind) {
  await go(t, page, '/admin/units', `${kind}-units`);
  t.ok(await page.locator('table.sys-list tbody tr', { hasText: 'ZZBAS' }).count(),
    `${kind}: the list shows the city's units`);
  await go(t, page, '/admin/units/new', `${kind}-unit-new`);
  const code = kind === 'desktop' ? 'ZZD1' : 'ZZP1';
  await page.fill('#f-unit_code', code);
  await page.fill('#f-name', '郑');
  await page.selectOption('#f-kind', 'supervising');
  await page.fill('#f-region', '410200');
  await submit(page, 'form.sys-form', '添加');
  t.ok(await page.locator('.has-error').count(),
    `${kind}: a unit of another city is refused next to its field`);
  await t.check(page, `${kind}-unit-refused`);
  await page.fill('#f-name', '郑州市测试局');
  await page.fill('#f-region', '410100');
  await submit(page, 'form.sys-form', '添加');
  t.like(page.url(), /\/admin\/units\/edit\?id=\d+&m=unit_created/,
    `${kind}: the unit is made`);
  await t.check(page, `${kind}-unit-page`);
  await page.locator('a', { hasText: '删除' }).click();
  await page.waitForLoadState();
  t.ok(await page.locator('.confirm').isVisible(), `${kind}: deleting asks first`);
  await t.check(page, `${kind}-unit-confirm`);
  await submit(page, '.confirm', '确定删除');
  t.like(page.url(), /\/admin\/units\?m=unit_deleted/, `${kind}: then deletes`);
}

async function users(t, page, kind) {
  await go(t, page, '/admin/users', `${kind}-users`);
  await go(t, page, `/admin/users/edit?id=${t.args.unit}`, `${kind}-user`);
  await page.locator('a', { hasText: '重置密码' }).click();
  await page.waitForLoadState();
  t.ok(await page.locator('.confirm').isVisible(), `${kind}: a reset asks first`);
  await t.check(page, `${kind}-user-confirm`);
  await go(t, page, '/admin/reviewers', `${kind}-reviewers`);
  await page.fill('#f-login', kind === 'desktop' ? 'shyd1' : 'shyp1');
  await page.fill('#f-name', '李');
  await page.fill('#f-phone', '123');
  await submit(page, 'form.sys-form', '添加');
  t.ok(await page.locator('.has-error').count(), `${kind}: a wrong reviewer is refused`);
  await t.check(page, `${kind}-reviewer-refused`);
}

async function imports(t, page, kind) {
  await go(t, page, '/admin/units/import', `${kind}-import`);
  const csv = '单位代码,单位名称,单位类别,地区代码,所属主管单位代码,联系电话,管理员姓名,管理员手机号\n' +
    'ZZI1,郑州市导入局,学校,410100,,,,\nZZI2,开封的单位,主管单位,410200,,,,\n';
  await page.setInputFiles('#f-file', { name: 'units.csv', mimeType: 'text/csv',
    buffer: Buffer.from(csv) });
  await submit(page, 'form.sys-form', '导入');
  t.is(await page.locator('table.import-report tbody tr').count(), 2,
    `${kind}: the report lists both bad rows`);
  await t.check(page, `${kind}-import-report`);
}

run(async (t) => {
  const [login, pw] = t.args.city;
  for (const kind of ['desktop', 'phone']) {
    const page = await t.page(kind);
    await t.login(page, 'staff', login, pw);
    await units(t, page, kind);
    await users(t, page, kind);
    await imports(t, page, kind);
    await page.context().close();
  }
});
