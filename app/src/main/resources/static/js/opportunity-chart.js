// Draws every table[data-chart] as an ECharts line chart into the element its attribute
// names: the first cell of each body row is the x label, and each header cell marked
// data-series is a line whose points are the data-value of its column. The chart is drawn
// from the table, so the two never disagree, and the table stays the accessible form.
document.addEventListener('DOMContentLoaded', function () {
  if (!window.echarts) {
    return;
  }
  document.querySelectorAll('table[data-chart]').forEach(function (table) {
    var target = document.getElementById(table.getAttribute('data-chart'));
    if (!target) {
      return;
    }
    var series = [];
    table.querySelectorAll('thead th').forEach(function (th, index) {
      if (th.hasAttribute('data-series')) {
        series.push({ index: index, name: th.textContent.trim(), type: 'line', data: [] });
      }
    });
    var labels = [];
    table.querySelectorAll('tbody tr').forEach(function (row) {
      labels.push(row.children[0].textContent.trim());
      series.forEach(function (s) {
        var cell = row.children[s.index];
        var value = cell ? cell.getAttribute('data-value') : null;
        s.data.push(value === null || value === '' ? null : Number(value));
      });
    });
    var chart = window.echarts.init(target, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 16, top: 48, bottom: 32 },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', min: 0 },
      series: series.map(function (s) {
        return { name: s.name, type: 'line', data: s.data, connectNulls: false, symbolSize: 8 };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
