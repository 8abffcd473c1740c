/*
 * apply.js: enhancements of the application form (报名信息); the form
 * works without them (下一级 buttons, plain selects, server-side checks).
 *
 *  - the unit cascade: choosing a region or a supervising unit fills the
 *    next select from GET /lookup/units?region=CODE or ?parent=ID
 *    (Accept: application/xml) and hides the 下一级 button;
 *  - the work-type search: a text box above each work-type select; typing
 *    a name or pinyin initials (hly) asks GET /lookup/worktypes?q= and
 *    shows the matches as a list; choosing one selects it.  The target
 *    select is refilled from ?for=target&cur=&level=&route=&curlevel=
 *    when the current type, the levels or the route change (R14, R16);
 *  - 工作年限 filled from 参加工作时间 (report year - start year + 1) and
 *    never raised above that;
 *  - the level-1 blocks shown only when 申报岗位等级 is 一级.
 *
 * ES5, no inline script or style (CSP): only classes, hidden, text.
 */
(function () {
  'use strict';

  if (!window.fetch || !window.DOMParser || !document.querySelector) {
    return;
  }
  var form = document.getElementById('apply-form');
  if (!form || form.querySelector('fieldset[disabled]')) {
    return;
  }

  function getXML(url) {
    return window.fetch(url, {
      headers: { 'Accept': 'application/xml' },
      credentials: 'same-origin'
    }).then(function (res) {
      return res.text().then(function (text) {
        var doc = new DOMParser().parseFromString(text, 'application/xml');
        if (!res.ok || doc.getElementsByTagName('parsererror').length) {
          throw new Error('bad answer');
        }
        return doc;
      });
    });
  }

  function clear(select) {
    while (select.options.length > 1) {
      select.remove(1);
    }
  }

  function addOption(select, value, label) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
    return o;
  }

  /* --- the unit cascade ------------------------------------------------ */

  var region = form.elements.region;
  var sup = form.elements.supervisor;
  var unit = form.elements.unit_id;
  var pick = form.querySelector('button.pick-unit');

  function fillUnits(select, doc, self) {
    var list = doc.getElementsByTagName('unit');
    var i;
    clear(select);
    if (self) {
      addOption(select, self.value, self.label + '（主管单位本级）');
    }
    for (i = 0; i < list.length; i++) {
      addOption(select, list[i].getAttribute('id'), list[i].getAttribute('name'));
    }
  }

  if (region && sup && unit) {
    if (pick) {
      pick.hidden = true;
    }
    region.addEventListener('change', function () {
      clear(sup);
      clear(unit);
      if (!region.value) {
        return;
      }
      getXML('/lookup/units?region=' + encodeURIComponent(region.value))
        .then(function (doc) { fillUnits(sup, doc, null); })
        .catch(function () { if (pick) { pick.hidden = false; } });
    });
    sup.addEventListener('change', function () {
      clear(unit);
      if (!sup.value) {
        return;
      }
      var self = { value: sup.value,
        label: sup.options[sup.selectedIndex].textContent };
      getXML('/lookup/units?parent=' + encodeURIComponent(sup.value))
        .then(function (doc) { fillUnits(unit, doc, self); })
        .catch(function () { if (pick) { pick.hidden = false; } });
    });
  }

  /* --- 工作年限 ----------------------------------------------------------- */

  var start = form.elements.work_start;
  var years = form.elements.work_years;
  var yearNode = document.querySelector('meta[name="gkbm-year"]');
  var reportYear = parseInt(form.getAttribute('data-year') ||
      (yearNode && yearNode.content) || '', 10);

  function maxYears() {
    var m = /^(\d{4})-/.exec(start.value || '');
    return m && reportYear ? reportYear - parseInt(m[1], 10) + 1 : null;
  }

  if (start && years && reportYear) {
    start.addEventListener('change', function () {
      var max = maxYears();
      if (max !== null && max >= 0) {
        years.value = String(max);
        years.max = String(max);
      }
    });
    years.addEventListener('change', function () {
      var max = maxYears();
      if (max !== null && parseInt(years.value, 10) > max) {
        years.value = String(max);
      }
    });
  }

  /* --- the level-1 blocks -------------------------------------------------- */

  var tlevel = form.elements.target_level;
  function level1() {
    var on = tlevel && tlevel.value === '1';
    var blocks = document.querySelectorAll('.level1');
    var i;
    for (i = 0; i < blocks.length; i++) {
      blocks[i].hidden = !on;
    }
  }
  if (tlevel) {
    tlevel.addEventListener('change', level1);
  }

  /* --- the work-type search ------------------------------------------------ */

  function worktypeLabel(w) {
    var label = w.getAttribute('name') + '（' + w.getAttribute('pinyin') + '）';
    var maps = w.getElementsByTagName('maps-to');
    var i, names = [];
    if (w.getAttribute('status') === 'merged') {
      for (i = 0; i < maps.length; i++) {
        names.push(maps[i].getAttribute('name'));
      }
      label += ' 已合并，新工种：' + names.join('、');
    } else if (w.getAttribute('status') === 'cancelled') {
      label += ' 已取消';
    }
    return label;
  }

  function ensureOption(select, code, label) {
    var i;
    for (i = 0; i < select.options.length; i++) {
      if (select.options[i].value === code) {
        return;
      }
    }
    addOption(select, code, label);
  }

  function searchBox(select) {
    var box = document.createElement('div');
    var input = document.createElement('input');
    var list = document.createElement('ul');
    var count = document.createElement('p');
    var timer = null;
    box.className = 'wt-search';
    input.type = 'search';
    input.placeholder = '输入拼音首字母或名称查找，如 hly';
    input.setAttribute('aria-label', '查找工种');
    input.setAttribute('autocomplete', 'off');
    /* A plain list of buttons (not a listbox: its items are buttons, not
       options), named, with the number found told to screen readers. */
    list.className = 'wt-results';
    list.setAttribute('aria-label', '查找到的工种');
    count.className = 'wt-count hint';
    count.setAttribute('role', 'status');
    box.appendChild(input);
    box.appendChild(count);
    box.appendChild(list);
    select.parentNode.insertBefore(box, select);

    function show(doc) {
      var ws = doc.getElementsByTagName('worktype');
      var i;
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      count.textContent = ws.length ? '找到' + ws.length + '个工种，点击选择：'
          : '没有找到相应的工种';
      if (!ws.length) {
        return;
      }
      for (i = 0; i < ws.length; i++) {
        (function (w) {
          var li = document.createElement('li');
          var b = document.createElement('button');
          b.type = 'button';
          b.className = 'btn-small';
          b.textContent = worktypeLabel(w);
          b.addEventListener('click', function () {
            var code = w.getAttribute('code');
            if (select.name === 'target_worktype' &&
                w.getAttribute('status') !== 'current') {
              return;         /* a target must be a current type */
            }
            ensureOption(select, code, w.getAttribute('name'));
            select.value = code;
            select.dispatchEvent(new Event('change'));
            while (list.firstChild) {
              list.removeChild(list.firstChild);
            }
            count.textContent = '';
            input.value = '';
          });
          li.appendChild(b);
          list.appendChild(li);
        })(ws[i]);
      }
    }

    input.addEventListener('input', function () {
      var q = input.value.replace(/\s+/g, '');
      window.clearTimeout(timer);
      if (!q) {
        while (list.firstChild) {
          list.removeChild(list.firstChild);
        }
        count.textContent = '';
        return;
      }
      timer = window.setTimeout(function () {
        var url = '/lookup/worktypes?q=' + encodeURIComponent(q);
        getXML(url).then(show).catch(function () {});
      }, 250);
    });
  }

  var cur = form.elements.cur_worktype;
  var target = form.elements.target_worktype;
  if (cur) {
    searchBox(cur);
  }
  if (target) {
    searchBox(target);
  }

  /* The target list of R14/R16 for the values chosen now. */
  function refreshTargets() {
    if (!target || !tlevel || !tlevel.value) {
      return;
    }
    var url = '/lookup/worktypes?for=target&cur=' +
        encodeURIComponent(cur ? cur.value : '') +
        '&level=' + encodeURIComponent(tlevel.value) +
        '&route=' + encodeURIComponent(form.elements.route ? form.elements.route.value : '') +
        '&curlevel=' + encodeURIComponent(form.elements.cur_level ? form.elements.cur_level.value : '');
    getXML(url).then(function (doc) {
      var ws = doc.getElementsByTagName('worktype');
      var keep = target.value;
      var i, found = false;
      clear(target);
      for (i = 0; i < ws.length; i++) {
        addOption(target, ws[i].getAttribute('code'), worktypeLabel(ws[i]));
        if (ws[i].getAttribute('code') === keep) {
          found = true;
        }
      }
      target.value = found ? keep : '';
    }).catch(function () {});
  }
  ['cur_worktype', 'cur_level', 'target_level', 'route'].forEach(function (n) {
    if (form.elements[n]) {
      form.elements[n].addEventListener('change', refreshTargets);
    }
  });
}());
