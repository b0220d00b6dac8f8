// Draws the overview's charts with uPlot from the JSON the dashboard serves. The same numbers are
// in the table below the charts, which is what a reader without JavaScript (or a screen reader) uses.
(function () {
  'use strict';
  var palette = ['#1a5fb4', '#c64600', '#26733a', '#813d9c'];

  function draw(container, data) {
    data.charts.forEach(function (chart) {
      var figure = document.createElement('figure');
      figure.className = 'chart';
      figure.id = 'chart-' + chart.id;
      var caption = document.createElement('figcaption');
      caption.textContent = chart.title;
      figure.appendChild(caption);
      var plot = document.createElement('div');
      plot.setAttribute('role', 'img');
      plot.setAttribute('aria-label', chart.title + ' (' + data.zone + '): see the table below');
      figure.appendChild(plot);
      container.appendChild(figure);
      var names = Object.keys(chart.series);
      var series = [{}].concat(names.map(function (name, i) {
        return { label: name, stroke: palette[i % palette.length], width: 2, points: { show: true } };
      }));
      var values = [data.x].concat(names.map(function (name) { return chart.series[name]; }));
      var width = Math.max(280, Math.min(container.clientWidth || 800, 1100));
      /* global uPlot */
      new uPlot({ width: width, height: 220, series: series, scales: { x: { time: true } },
        axes: [{}, { size: 60 }] }, values, plot);
    });
    container.setAttribute('data-drawn', String(data.charts.length));
  }

  function start() {
    var container = document.getElementById('overview-charts');
    if (!container || typeof uPlot === 'undefined') {
      return;
    }
    fetch(container.dataset.src, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (data) { draw(container, data); })
      .catch(function (error) { container.textContent = String(error); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
