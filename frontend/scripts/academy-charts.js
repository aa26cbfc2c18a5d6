/*
 * Charts on the platform's pages, drawn by ECharts (the org.webjars.npm:echarts webjar, loaded by
 * shared/ui/Chart). The server sends the chart's data and words; this draws it in the platform's
 * colours (read from its CSS, so the light and the dark theme both work), follows the element's
 * size, and draws again when the theme changes. Each chart's numbers are also a table on the page.
 */
(function () {
  'use strict';

  function colours() {
    var css = getComputedStyle(document.documentElement);
    var get = function (name, fallback) { return (css.getPropertyValue(name) || '').trim() || fallback; };
    return {
      text: get('--lumo-body-text-color', '#1a1a1a'),
      secondary: get('--lumo-secondary-text-color', '#555'),
      grid: get('--lumo-contrast-10pct', 'rgba(0,0,0,0.1)'),
      series: [get('--academy-accent', '#0b4f9c'), get('--academy-chart-2', '#b45309'), get('--academy-chart-3', '#15803d'),
        get('--academy-chart-4', '#7c3aed'), get('--academy-chart-5', '#be123c')]
    };
  }

  function option(spec) {
    var c = colours();
    var axisLabel = { color: c.secondary };
    var series = spec.series.map(function (s) {
      return { name: s.name, type: spec.kind === 'LINE' ? 'line' : 'bar', data: s.values,
        stack: spec.kind === 'STACKED_BAR' ? 'all' : undefined, smooth: false, showSymbol: true, barMaxWidth: 36 };
    });
    return {
      animation: false,
      color: c.series,
      // Our own summary names the chart (its aria-label, set by the server); ECharts adds only patterns to tell series apart.
      aria: { enabled: true, label: { enabled: false }, decal: { show: true } },
      textStyle: { color: c.text, fontFamily: getComputedStyle(document.body).fontFamily },
      tooltip: { trigger: 'axis' },
      legend: { show: spec.series.length > 1, textStyle: { color: c.text }, top: 0 },
      grid: { left: 48, right: 16, top: spec.series.length > 1 || (spec.unit && !spec.horizontal) ? 40 : 16, bottom: 32, containLabel: true },
      xAxis: spec.horizontal ? { type: 'value', name: spec.unit, axisLabel: axisLabel, splitLine: { lineStyle: { color: c.grid } } }
        : { type: 'category', data: spec.categories, axisLabel: axisLabel },
      yAxis: spec.horizontal ? { type: 'category', data: spec.categories, axisLabel: axisLabel, inverse: true }
        : { type: 'value', name: spec.unit, nameTextStyle: { color: c.secondary }, axisLabel: axisLabel,
          splitLine: { lineStyle: { color: c.grid } }, minInterval: spec.integers ? 1 : undefined },
      series: series
    };
  }

  function draw(host) {
    if (!window.echarts || !host.academyChart) {
      return;
    }
    var chart = window.echarts.getInstanceByDom(host) || window.echarts.init(host, null, { renderer: 'svg' });
    chart.setOption(option(host.academyChart), true);
  }

  var themeWatch = null;

  window.academyCharts = {
    /* Draws the chart described by spec (kind, categories, series, unit) in host, and keeps it drawn. */
    render: function (host, spec) {
      host.academyChart = spec;
      draw(host);
      if (!host.academyResize) {
        host.academyResize = new ResizeObserver(function () {
          var chart = window.echarts && window.echarts.getInstanceByDom(host);
          if (chart) { chart.resize(); }
        });
        host.academyResize.observe(host);
      }
      if (!themeWatch) {
        themeWatch = new MutationObserver(function () {
          document.querySelectorAll('.academy-chart-canvas').forEach(draw);
        });
        themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });
      }
    }
  };
})();
