// The SLA dashboard: reads GET /api/reports/sla with the signed-in session and draws it.
(function () {
  'use strict';
  const charts = {};
  const colors = ['#005a9e', '#c53030', '#2f855a', '#dd6b20', '#6b46c1', '#718096'];

  function draw(id, config) {
    if (charts[id]) { charts[id].destroy(); }
    charts[id] = new Chart(document.getElementById(id), config);
    document.getElementById(id).dataset.ready = 'true';
  }

  function render(report) {
    const labels = report.rows.map(r => r.planFamily + ' ' + r.severity);
    draw('breachRate', {
      type: 'bar',
      data: { labels, datasets: [{ label: 'Breached (%)', backgroundColor: colors[1],
        data: report.rows.map(r => r.cases ? Math.round(1000 * r.breached / r.cases) / 10 : 0) }] },
      options: { scales: { y: { beginAtZero: true, max: 100 } } }
    });
    const tbody = document.querySelector('#slaTable tbody');
    tbody.replaceChildren(...report.rows.map(r => {
      const tr = document.createElement('tr');
      [r.planFamily, r.severity, r.cases, r.responded, r.breached,
        r.medianMinutesToFirstResponse == null ? '–' : r.medianMinutesToFirstResponse.toFixed(1),
        r.p90MinutesToFirstResponse == null ? '–' : r.p90MinutesToFirstResponse.toFixed(1)].forEach(v => {
        const td = document.createElement('td'); td.textContent = v; tr.appendChild(td);
      });
      return tr;
    }));
    draw('responseTime', {
      type: 'line',
      data: { labels: report.weeks.map(w => w.weekStart), datasets: [
        { label: 'Median', borderColor: colors[0], data: report.weeks.map(w => w.medianMinutesToFirstResponse) },
        { label: '90th percentile', borderColor: colors[3], data: report.weeks.map(w => w.p90MinutesToFirstResponse) }] },
      options: { scales: { y: { beginAtZero: true } } }
    });
    const statuses = [...new Set(report.openCases.map(o => o.status))];
    const teams = [...new Set(report.openCases.map(o => o.team))];
    draw('openCases', {
      type: 'bar',
      data: { labels: statuses, datasets: teams.map((team, i) => ({ label: team, backgroundColor: colors[i % colors.length],
        data: statuses.map(s => (report.openCases.find(o => o.status === s && o.team === team) || { cases: 0 }).cases) })) },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
    });
    draw('surveyScores', {
      type: 'bar',
      data: { labels: ['1', '2', '3', '4', '5'], datasets: [{ label: 'Answers', backgroundColor: colors[2],
        data: [1, 2, 3, 4, 5].map(r => report.surveyScores[r] || 0) }] },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function load() {
    const from = document.getElementById('from').value;
    const to = document.getElementById('to').value;
    const error = document.getElementById('error');
    fetch('/api/reports/sla?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => response.ok ? response.json() : response.json().then(p => { throw new Error(p.detail); }))
      .then(report => { error.textContent = ''; render(report); })
      .catch(e => { error.textContent = 'The report could not be loaded: ' + e.message; });
  }

  document.getElementById('range').addEventListener('submit', event => { event.preventDefault(); load(); });
  load();
})();
