/*
 * register.js: on the registration page, the birth date and gender are
 * filled from the ID number as it is typed (digits 7-14 are the birth
 * date, digit 17 odd for a man), unless the candidate changed them
 * himself.  The server takes them from the ID number too when they are
 * left empty, and checks them against it when given.
 *
 * ES5, no inline script, no style set (see gkbm.js).
 */
(function () {
  'use strict';

  if (!document.querySelector) {
    return;
  }
  var form = document.querySelector('form.register-form');
  if (!form) {
    return;
  }
  var idno = form.querySelector('#f-idno');
  var birth = form.querySelector('#f-birth');
  var gender = form.querySelector('#f-gender');
  if (!idno || !birth) {
    return;
  }

  /* The date of an 18-character number, or '' if it is not a real one. */
  function birthOf(v) {
    var m = /^\d{6}(\d{4})(\d{2})(\d{2})\d{3}[\dXx]$/.exec(v);
    if (!m) {
      return '';
    }
    var y = +m[1], mo = +m[2], d = +m[3];
    var dt = new Date(y, mo - 1, d);
    if (dt.getFullYear() !== y || dt.getMonth() !== mo - 1 ||
        dt.getDate() !== d || dt > new Date()) {
      return '';
    }
    return m[1] + '-' + m[2] + '-' + m[3];
  }

  /* What we filled in last; a value the candidate typed is his. */
  var filledBirth = birth.value === birthOf(idno.value) ? birth.value : null;
  var filledGender = null;

  function fill() {
    var v = idno.value.replace(/\s+/g, '');
    var b = birthOf(v);
    if (!b) {
      return;
    }
    if (birth.value === '' || birth.value === filledBirth) {
      birth.value = b;
      filledBirth = b;
    }
    if (gender && (gender.value === '' || gender.value === filledGender)) {
      gender.value = (+v.charAt(16)) % 2 === 1 ? 'M' : 'F';
      filledGender = gender.value;
    }
  }

  idno.addEventListener('input', fill);
  idno.addEventListener('change', fill);
  fill();
})();
