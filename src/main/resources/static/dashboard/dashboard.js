// Small progressive enhancements of the dashboard; every page works without this file.
(function () {
  'use strict';
  // Forms that ask for a confirmation (data-confirm) before they are sent.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }, true);
})();
