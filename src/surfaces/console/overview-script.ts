/**
 * The overview's charts: the page embeds its figures as JSON (the same shape as
 * `/console/api/stats`) and this script draws them with Chart.js. Without JavaScript the tables
 * under each chart carry the same figures. Plain ES2017 for the browser, served as it is.
 */
export const OVERVIEW_SCRIPT = `"use strict";
(function () {
  var source = document.getElementById("stats-data");
  if (!source || typeof Chart === "undefined") return;
  var stats = JSON.parse(source.textContent);
  var daily = stats.range === "30d";
  var percent = function (v) { return v === null ? null : Math.round(v * 1000) / 10; };
  var label = function (iso) {
    var d = new Date(iso);
    return daily ? d.toISOString().slice(5, 10) : d.toISOString().slice(11, 16);
  };
  Chart.defaults.font.family = "system-ui, sans-serif";
  Chart.defaults.animation = false;
  var common = { responsive: true, maintainAspectRatio: false, interaction: { mode: "index", intersect: false } };
  new Chart(document.getElementById("chart-over-time"), {
    data: {
      labels: stats.over_time.map(function (p) { return label(p.start); }),
      datasets: [
        { type: "bar", label: "SMS sent", data: stats.over_time.map(function (p) { return p.sends; }), backgroundColor: "#5b8fd6", yAxisID: "count" },
        { type: "bar", label: "Verified", data: stats.over_time.map(function (p) { return p.verified; }), backgroundColor: "#3fa36b", yAxisID: "count" },
        { type: "line", label: "Conversion %", data: stats.over_time.map(function (p) { return percent(p.conversion); }), borderColor: "#a40e26", backgroundColor: "#a40e26", yAxisID: "rate", spanGaps: true }
      ]
    },
    options: Object.assign({}, common, { scales: {
      count: { type: "linear", position: "left", beginAtZero: true, title: { display: true, text: "messages / codes" } },
      rate: { type: "linear", position: "right", min: 0, max: 100, grid: { drawOnChartArea: false }, title: { display: true, text: "conversion %" } }
    } })
  });
  var countries = stats.by_country.slice(0, 20);
  new Chart(document.getElementById("chart-by-country"), {
    data: {
      labels: countries.map(function (c) { return c.region; }),
      datasets: [
        { type: "bar", label: "SMS sent", data: countries.map(function (c) { return c.sends; }), backgroundColor: "#5b8fd6", yAxisID: "count" },
        { type: "line", label: "Conversion %", data: countries.map(function (c) { return percent(c.conversion); }), borderColor: "#a40e26", backgroundColor: "#a40e26", showLine: false, pointRadius: 5, yAxisID: "rate" }
      ]
    },
    options: Object.assign({}, common, { scales: {
      count: { type: "linear", position: "left", beginAtZero: true },
      rate: { type: "linear", position: "right", min: 0, max: 100, grid: { drawOnChartArea: false } }
    } })
  });
  var providers = stats.by_provider;
  var series = function (key, name, colour) {
    return { label: name, data: providers.map(function (p) { return p[key]; }), backgroundColor: colour };
  };
  new Chart(document.getElementById("chart-by-provider"), {
    type: "bar",
    data: {
      labels: providers.map(function (p) { return p.provider || "(not handed over)"; }),
      datasets: [series("delivered", "Delivered", "#3fa36b"), series("sent", "Sent, no receipt", "#5b8fd6"), series("queued", "Queued", "#b0b7bf"), series("failed", "Failed", "#a40e26")]
    },
    options: Object.assign({}, common, { indexAxis: "y", scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } } })
  });
})();
`;
