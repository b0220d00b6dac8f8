// Live preview of the portal while branding is edited: the frame reloads the real portal page
// with the form's unsaved colours and logo (only the preview fields, never the form token).
(function () {
  'use strict';
  var form = document.getElementById('branding-form');
  var frame = document.getElementById('portal-preview');
  if (!form || !frame) {
    return;
  }
  var timer = null;
  function refresh() {
    var params = new URLSearchParams();
    form.querySelectorAll('[data-preview-field]').forEach(function (field) {
      params.append(field.name, field.value.trim());
    });
    frame.src = form.dataset.preview + '?' + params.toString();
  }
  form.addEventListener('input', function (event) {
    if (event.target instanceof HTMLElement && event.target.hasAttribute('data-preview-field')) {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 300);
    }
  });
})();
