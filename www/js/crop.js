/*
 * crop.js: photos made ready in the browser before they are sent, so a
 * phone's photo is neither refused for its proportions nor too large.
 *
 *  - The personal photo (a form whose kind is "photo": the hidden input
 *    of /apply's photo form, or the kind choice of the upload pages) is
 *    cropped to the 413x626 frame of a 二寸 photo: the picture is shown
 *    under the frame, dragged with a finger or the mouse, zoomed with
 *    the slider, two fingers or the wheel, and 确定 makes a 413x626 JPEG.
 *  - Any other JPEG (the ID card, scans) larger than the page's limit
 *    (data-upload-max of the form: the server's MAX_JPEG) or than 12
 *    megapixels is scaled down and re-encoded.
 *
 * The result replaces the file in the input (DataTransfer), so the form
 * is sent as without this script; the server checks and re-encodes
 * everything again.  Without DataTransfer, canvas or toBlob nothing is
 * changed (the server's messages then say what to do).
 *
 * ES5, no inline script, no style attribute set (CSP): sizes are canvas
 * attributes, the look is in gkbm.css (.crop-*).
 */
(function () {
  'use strict';

  var PHOTO_W = 413, PHOTO_H = 626;	/* image.c IMAGE_PHOTO_W/H */
  var MAX_PIXELS = 12000000;		/* under jpeg.c's 13 MP cap */
  var MAX_SIDE = 4000;
  var VIEW_W = 300, VIEW_H = 400;	/* the crop view, CSS pixels */
  var FRAME_H = 340;			/* the frame in the view */
  var FRAME_W = Math.round(FRAME_H * PHOTO_W / PHOTO_H);

  if (!document.querySelector || typeof DataTransfer === 'undefined' ||
      !window.File || !window.FileReader) {
    return;
  }
  var probe = document.createElement('canvas');
  if (!probe.getContext || !probe.toBlob) {
    return;
  }
  try {
    new DataTransfer().items.add(new File(['x'], 'x.jpg'));
  } catch (e) {
    return;
  }

  /* The byte limit of one file: the form's data-upload-max. */
  function limitOf(form) {
    var n = form ? parseInt(form.getAttribute('data-upload-max'), 10) : NaN;
    return n > 0 ? n : 4 * 1024 * 1024;
  }

  /* The upload an input belongs to: its .upload-form box (on /apply a
     part of the application form whose controls carry data-kind and
     data-upload-max), else its form. */
  function boxOf(input) {
    var b = input.closest ? input.closest('.upload-form') : null;
    return b || input.form;
  }

  /* The submit buttons of an input's upload. */
  function submitsOf(input) {
    var b = boxOf(input);
    return b ? b.querySelectorAll('[type="submit"]') : [];
  }

  /* "photo" when the form uploads the personal photo. */
  function kindOf(form) {
    var k = form ? form.querySelector('[name="kind"]') : null;
    return k ? k.value : '';
  }

  function isJpeg(file) {
    return /^image\/jpe?g$/i.test(file.type) || /\.jpe?g$/i.test(file.name);
  }

  function mb(n) {
    return (n / 1048576).toFixed(1) + 'MB';
  }

  /*
   * What follows the input goes after it, or after the label around it
   * (a click inside a label would open the file chooser again).
   */
  function anchor(input) {
    var a = input;
    while (a.parentNode && a.parentNode.tagName === 'LABEL') {
      a = a.parentNode;
    }
    return a;
  }

  function after(input, el) {
    var a = anchor(input);
    a.parentNode.insertBefore(el, a.nextSibling);
  }

  function near(input, sel) {
    return anchor(input).parentNode.querySelector(sel);
  }

  /* The note under the input (role=status), made on first use. */
  function note(input, text, isError) {
    var id = input.id ? input.id + '-crop-note' : '';
    var p = near(input, '.crop-note');
    if (!p) {
      p = document.createElement('p');
      p.className = 'crop-note';
      p.setAttribute('role', 'status');
      p.setAttribute('aria-live', 'polite');
      if (id) {
        p.id = id;
      }
      after(input, p);
    }
    p.textContent = text;
    p.className = isError ? 'crop-note error' : 'crop-note';
  }

  /* Disables (or enables again) the form's submit buttons. */
  function busy(input, on) {
    var b = submitsOf(input);
    for (var i = 0; i < b.length; i++) {
      b[i].disabled = on;
    }
  }

  /* Puts blob into input as its only file. */
  function replace(input, blob, name) {
    var dt = new DataTransfer();
    dt.items.add(new File([blob], name, { type: 'image/jpeg' }));
    input.gkbmSetting = true;
    input.files = dt.files;
    input.gkbmSetting = false;
  }

  /*
   * Encodes canvas as a JPEG under limit bytes: lower qualities first,
   * then smaller sizes (a photo of fine detail).  done(blob, canvas) with
   * the canvas encoded, or done(null).
   */
  function encode(canvas, limit, done, shrink) {
    var q = [0.92, 0.85, 0.75];
    var i = 0;
    function next() {
      canvas.toBlob(function (b) {
        if (!b) {
          done(null);
        } else if (b.size <= limit * 0.95) {
          done(b, canvas);
        } else if (i < q.length - 1) {
          i++;
          next();
        } else if (shrink && canvas.width > 400) {
          var f = Math.max(0.5, Math.sqrt(limit * 0.8 / b.size));
          var c = document.createElement('canvas');
          c.width = Math.round(canvas.width * f);
          c.height = Math.round(canvas.height * f);
          c.getContext('2d').drawImage(canvas, 0, 0, c.width, c.height);
          encode(c, limit, done, shrink);
        } else {
          done(null);
        }
      }, 'image/jpeg', q[i]);
    }
    next();
  }

  /*
   * Decodes file (EXIF orientation applied) into { src, w, h } for
   * drawImage, or null.  An ImageBitmap where there is one; else a data:
   * URL in an Image (the pages' CSP allows data: images, not blob:).
   */
  function load(file, done) {
    if (window.createImageBitmap) {
      createImageBitmap(file, { imageOrientation: 'from-image' }).then(
          function (b) { done({ src: b, w: b.width, h: b.height }); },
          function () { done(null); });
      return;
    }
    var rd = new FileReader();
    rd.onload = function () {
      var img = new Image();
      img.onload = function () {
        done({ src: img, w: img.naturalWidth, h: img.naturalHeight });
      };
      img.onerror = function () { done(null); };
      img.src = rd.result;
    };
    rd.onerror = function () { done(null); };
    rd.readAsDataURL(file);
  }

  /* Frees what load made. */
  function unload(img) {
    if (img && img.src && img.src.close) {
      img.src.close();
    }
  }

  /* Scales a large JPEG down (any kind but the photo). */
  function scaleDown(input, file) {
    var limit = limitOf(boxOf(input));
    load(file, function (img) {
      if (!img) {
        return;	/* not decodable here: the server will say why */
      }
      var w = img.w, h = img.h;
      var s = Math.min(1, MAX_SIDE / Math.max(w, h),
          Math.sqrt(MAX_PIXELS / (w * h)));
      /* A PNG screenshot or the like becomes a JPEG too. */
      if (s >= 1 && file.size <= limit && isJpeg(file)) {
        unload(img);
        return;
      }
      var c = document.createElement('canvas');
      c.width = Math.max(1, Math.round(w * s));
      c.height = Math.max(1, Math.round(h * s));
      c.getContext('2d').drawImage(img.src, 0, 0, c.width, c.height);
      unload(img);
      note(input, '正在缩小照片……');
      busy(input, true);
      encode(c, limit, function (b, made) {
        busy(input, false);
        if (!b) {
          note(input, '照片太大，无法自动缩小，请用手机相册的“编辑”缩小后重新选择。', true);
          return;
        }
        replace(input, b, (file.name || 'photo').replace(/\.[^.]*$/, '') + '.jpg');
        note(input, '照片已自动缩小：' + w + '×' + h + '，' + mb(file.size) +
            ' → ' + made.width + '×' + made.height + '，' + mb(b.size) + '。');
      }, true);
    });
  }

  /* --- the crop view -------------------------------------------------- */

  function Cropper(input, img, file) {
    this.input = input;
    this.img = img;
    this.file = file;
    this.pointers = {};
    this.build();
    this.fit();
    this.draw();
  }

  Cropper.prototype.build = function () {
    var self = this;
    var ratio = Math.min(window.devicePixelRatio || 1, 3);
    var box = document.createElement('div');
    box.className = 'crop-box';
    var help = document.createElement('p');
    help.className = 'crop-help';
    help.id = (this.input.id || 'crop') + '-crop-help';
    help.textContent = '请用手指拖动照片，使头部位于框内中间、头顶和肩部都在框内；' +
        '可用下方滑块或双指缩放。调整好后点“确定裁剪”。';
    var c = document.createElement('canvas');
    c.className = 'crop-canvas';
    c.width = VIEW_W * ratio;
    c.height = VIEW_H * ratio;
    c.setAttribute('role', 'img');
    c.setAttribute('aria-label', '照片裁剪框：拖动照片调整位置');
    c.setAttribute('aria-describedby', help.id);
    c.tabIndex = 0;
    var zl = document.createElement('label');
    zl.className = 'crop-zoom';
    zl.appendChild(document.createTextNode('缩放 '));
    var z = document.createElement('input');
    z.type = 'range';
    z.min = '0';
    z.max = '100';
    z.step = '1';
    z.value = '0';
    zl.appendChild(z);
    var ok = document.createElement('button');
    ok.type = 'button';
    ok.className = 'btn btn-primary crop-ok';
    ok.textContent = '确定裁剪';
    var cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'btn btn-plain crop-cancel';
    cancel.textContent = '取消';
    var buttons = document.createElement('div');
    buttons.className = 'buttons';
    buttons.appendChild(ok);
    buttons.appendChild(cancel);
    box.appendChild(help);
    box.appendChild(c);
    box.appendChild(zl);
    box.appendChild(buttons);
    after(this.input, box);
    this.box = box;
    this.canvas = c;
    this.zoom = z;
    this.ratio = ratio;
    this.submits = submitsOf(this.input);
    this.lock(true);

    c.addEventListener('pointerdown', function (e) { self.down(e); });
    c.addEventListener('pointermove', function (e) { self.move(e); });
    c.addEventListener('pointerup', function (e) { self.up(e); });
    c.addEventListener('pointercancel', function (e) { self.up(e); });
    c.addEventListener('wheel', function (e) {
      e.preventDefault();
      self.zoomBy(e.deltaY < 0 ? 1.1 : 1 / 1.1);
    });
    c.addEventListener('keydown', function (e) { self.key(e); });
    z.addEventListener('input', function () {
      self.setScale(self.minS * Math.pow(self.maxS / self.minS, z.value / 100));
    });
    ok.addEventListener('click', function () { self.done(); });
    cancel.addEventListener('click', function () { self.cancel(); });
    c.focus();
  };

  /* Disables the form's submit buttons while the crop view is open. */
  Cropper.prototype.lock = function (on) {
    busy(this.input, on);
  };

  /* Scale limits (view pixels per photo pixel) and the first view. */
  Cropper.prototype.fit = function () {
    var w = this.img.w, h = this.img.h;
    var fw = FRAME_W * this.ratio, fh = FRAME_H * this.ratio;
    this.fw = fw;
    this.fh = fh;
    this.fx = (this.canvas.width - fw) / 2;
    this.fy = (this.canvas.height - fh) / 2;
    /* The frame always covered by the photo; at most 1:1 photo pixels. */
    this.minS = Math.max(fw / w, fh / h);
    this.maxS = Math.max(this.minS, fw / PHOTO_W) * 1.0001;
    this.s = this.minS;
    /* Centred across, the upper part down: faces are rarely low. */
    this.x = this.fx + (fw - w * this.s) / 2;
    this.y = this.fy + Math.min(0, (fh - h * this.s) / 4);
  };

  /* Keeps the frame inside the photo. */
  Cropper.prototype.clamp = function () {
    var w = this.img.w * this.s, h = this.img.h * this.s;
    this.x = Math.min(this.fx, Math.max(this.fx + this.fw - w, this.x));
    this.y = Math.min(this.fy, Math.max(this.fy + this.fh - h, this.y));
  };

  Cropper.prototype.setScale = function (s, cx, cy) {
    s = Math.min(this.maxS, Math.max(this.minS, s));
    if (cx === undefined) {
      cx = this.fx + this.fw / 2;
      cy = this.fy + this.fh / 2;
    }
    this.x = cx - (cx - this.x) * s / this.s;
    this.y = cy - (cy - this.y) * s / this.s;
    this.s = s;
    this.clamp();
    this.zoom.value = this.maxS / this.minS < 1.001 ? '0' :
        String(Math.round(100 * Math.log(s / this.minS) /
        Math.log(this.maxS / this.minS)));
    this.draw();
  };

  Cropper.prototype.zoomBy = function (f, cx, cy) {
    this.setScale(this.s * f, cx, cy);
  };

  /* A pointer's position in canvas pixels. */
  Cropper.prototype.at = function (e) {
    var r = this.canvas.getBoundingClientRect();
    return {
      x: (e.clientX - r.left) * this.canvas.width / r.width,
      y: (e.clientY - r.top) * this.canvas.height / r.height
    };
  };

  Cropper.prototype.down = function (e) {
    e.preventDefault();
    this.canvas.setPointerCapture(e.pointerId);
    this.pointers[e.pointerId] = this.at(e);
  };

  Cropper.prototype.move = function (e) {
    var p = this.pointers[e.pointerId];
    if (!p) {
      return;
    }
    var q = this.at(e);
    var ids = Object.keys(this.pointers);
    if (ids.length === 2) {
      /* Two fingers: zoom about their middle by the change of distance. */
      var o = this.pointers[ids[0] == e.pointerId ? ids[1] : ids[0]];
      var d0 = Math.hypot(p.x - o.x, p.y - o.y);
      var d1 = Math.hypot(q.x - o.x, q.y - o.y);
      if (d0 > 0) {
        this.zoomBy(d1 / d0, (q.x + o.x) / 2, (q.y + o.y) / 2);
      }
    } else {
      this.x += q.x - p.x;
      this.y += q.y - p.y;
      this.clamp();
      this.draw();
    }
    this.pointers[e.pointerId] = q;
  };

  Cropper.prototype.up = function (e) {
    delete this.pointers[e.pointerId];
  };

  /* Arrow keys move the photo, + and - zoom. */
  Cropper.prototype.key = function (e) {
    var step = 10 * this.ratio;
    var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0],
        ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[e.key]) {
      this.x += moves[e.key][0];
      this.y += moves[e.key][1];
      this.clamp();
      this.draw();
    } else if (e.key === '+' || e.key === '=') {
      this.zoomBy(1.1);
    } else if (e.key === '-') {
      this.zoomBy(1 / 1.1);
    } else {
      return;
    }
    e.preventDefault();
  };

  Cropper.prototype.draw = function () {
    var g = this.canvas.getContext('2d');
    var W = this.canvas.width, H = this.canvas.height;
    g.fillStyle = '#333';
    g.fillRect(0, 0, W, H);
    g.drawImage(this.img.src, this.x, this.y, this.img.w * this.s,
        this.img.h * this.s);
    /* Dim what falls outside the frame. */
    g.fillStyle = 'rgba(0,0,0,0.55)';
    g.fillRect(0, 0, W, this.fy);
    g.fillRect(0, this.fy + this.fh, W, H - this.fy - this.fh);
    g.fillRect(0, this.fy, this.fx, this.fh);
    g.fillRect(this.fx + this.fw, this.fy, W - this.fx - this.fw, this.fh);
    g.strokeStyle = '#fff';
    g.lineWidth = 2 * this.ratio;
    g.strokeRect(this.fx, this.fy, this.fw, this.fh);
    /* Where the head goes. */
    g.setLineDash([6 * this.ratio, 6 * this.ratio]);
    g.beginPath();
    if (g.ellipse) {
      g.ellipse(this.fx + this.fw / 2, this.fy + this.fh * 0.38,
          this.fw * 0.3, this.fh * 0.24, 0, 0, 2 * Math.PI);
    }
    g.stroke();
    g.setLineDash([]);
  };

  /* 确定: the frame's part of the photo as a 413x626 JPEG. */
  Cropper.prototype.done = function () {
    var self = this;
    var out = document.createElement('canvas');
    out.width = PHOTO_W;
    out.height = PHOTO_H;
    var g = out.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, PHOTO_W, PHOTO_H);
    g.imageSmoothingQuality = 'high';
    g.drawImage(this.img.src, (this.fx - this.x) / this.s,
        (this.fy - this.y) / this.s, this.fw / this.s, this.fh / this.s,
        0, 0, PHOTO_W, PHOTO_H);
    encode(out, limitOf(boxOf(this.input)), function (b) {
      if (!b) {
        note(self.input, '裁剪失败，请重新选择照片。', true);
        self.close();
        return;
      }
      replace(self.input, b, 'photo-413x626.jpg');
      self.close();
      self.preview(out);
      note(self.input, '已裁剪为二寸证件照（413×626像素），请点“' +
          self.buttonText() + '”提交。');
    });
  };

  Cropper.prototype.buttonText = function () {
    var b = this.submits.length ? this.submits[0] : null;
    return b ? b.textContent.replace(/^\s+|\s+$/g, '') : '上传';
  };

  /* A small picture of the result next to the input. */
  Cropper.prototype.preview = function (out) {
    var old = near(this.input, '.crop-preview');
    if (old) {
      old.parentNode.removeChild(old);
    }
    var p = document.createElement('canvas');
    p.className = 'crop-preview';
    p.width = 120;
    p.height = Math.round(120 * PHOTO_H / PHOTO_W);
    p.getContext('2d').drawImage(out, 0, 0, p.width, p.height);
    p.setAttribute('role', 'img');
    p.setAttribute('aria-label', '裁剪后的照片');
    after(this.input, p);
  };

  Cropper.prototype.cancel = function () {
    this.input.value = '';
    this.close();
    note(this.input, '已取消，请重新选择照片。');
  };

  Cropper.prototype.close = function () {
    unload(this.img);
    if (this.box.parentNode) {
      this.box.parentNode.removeChild(this.box);
    }
    this.lock(false);
    this.input.gkbmCropper = null;
  };

  /* A photo already 413:626 (within 2%) and large enough needs no crop. */
  function fitsFrame(img) {
    var w = img.w, h = img.h;
    return Math.abs(w * PHOTO_H - h * PHOTO_W) * 50 <= h * PHOTO_W &&
        w >= PHOTO_W && h >= PHOTO_H;
  }

  function crop(input, file) {
    if (input.gkbmCropper) {
      input.gkbmCropper.close();
    }
    load(file, function (img) {
      if (!img) {
        note(input, '无法读取该照片，请选择jpg格式的照片。', true);
        return;
      }
      if (fitsFrame(img) && file.size <= limitOf(boxOf(input))) {
        unload(img);
        note(input, '照片比例符合要求。');
        return;
      }
      note(input, '请拖动照片框选头像，然后点“确定裁剪”。');
      input.gkbmCropper = new Cropper(input, img, file);
    });
  }

  function changed(e) {
    var input = e.target;
    if (input.gkbmSetting || !input.files || input.files.length !== 1) {
      return;
    }
    var file = input.files[0];
    if (!isJpeg(file) && !/^image\//.test(file.type)) {
      return;	/* a Word document, say */
    }
    var old = near(input, '.crop-preview');
    if (old) {
      old.parentNode.removeChild(old);
    }
    if ((input.getAttribute('data-kind') || kindOf(input.form)) === 'photo') {
      crop(input, file);
    } else if (/^image\//.test(file.type) || isJpeg(file)) {
      scaleDown(input, file);
    }
  }

  var inputs = document.querySelectorAll('input[type="file"]');
  for (var i = 0; i < inputs.length; i++) {
    inputs[i].addEventListener('change', changed);
  }
})();
