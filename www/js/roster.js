// roster.js: 名册 and 汇总上报 pages: 打印本页 (window.print) and 全选本页
// (ticks every row of the page).  Without script the page still prints
// from the browser's menu and exports everything when nothing is ticked.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-print]').forEach(function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  });
  document.querySelectorAll('input[data-all]').forEach(function (all) {
    all.hidden = false;
    all.addEventListener('change', function () {
      document.querySelectorAll('input[name="ids"][form="' +
          all.getAttribute('form') + '"]').forEach(function (c) {
        c.checked = all.checked;
      });
    });
  });
});
