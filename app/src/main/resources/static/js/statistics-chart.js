// Draws every table[data-bar-chart] of the open statistics as an ECharts bar chart into the
// element its attribute names: the first cell of each body row is the bar's label, and each
// header cell marked data-series is a series whose values are the data-value of its column.
// The chart is drawn from the table, so the two never disagree, and the table stays the
// accessible form of the same figures (the same convention as opportunity-chart.js).
document.addEventListener('DOMContentLoaded', function () {
  if (!window.echarts) {
    return;
  }
  document.querySelectorAll('table[data-bar-chart]').forEach(function (table) {
    var target = document.getElementById(table.getAttribute('data-bar-chart'));
    if (!target) {
      return;
    }
    var series = [];
    table.querySelectorAll('thead th').forEach(function (th, index) {
      if (th.hasAttribute('data-series')) {
        series.push({ index: index, name: th.textContent.trim(), data: [] });
      }
    });
    var labels = [];
    table.querySelectorAll('tbody tr').forEach(function (row) {
      labels.push(row.children[0].textContent.trim());
      series.forEach(function (s) {
        var cell = row.children[s.index];
        var value = cell ? cell.getAttribute('data-value') : null;
        s.data.push(value === null || value === '' ? 0 : Number(value));
      });
    });
    var chart = window.echarts.init(target, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 56, right: 16, top: 48, bottom: 56, containLabel: false },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', min: 0, minInterval: 1 },
      series: series.map(function (s) {
        return { name: s.name, type: 'bar', data: s.data, label: { show: s.data.length <= 12, position: 'top' } };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
