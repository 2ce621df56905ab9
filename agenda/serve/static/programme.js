// The programme on the wall: actual and projected times, kept current.
"use strict";
(function () {
  var live = window.agendaLive;
  live.onState(function (s) {
    s.segments.forEach(function (segment) {
      var row = document.querySelector('tr[data-id="' + CSS.escape(segment.id) + '"]');
      if (!row) { return; }
      row.className = "status-" + segment.status;
      row.querySelector(".actual").textContent =
        segment.start ? live.hm(segment.start) + "–" + live.hm(segment.end) : "";
      row.querySelector(".status").textContent = live.words.statuses[segment.status] || segment.status;
    });
  });
  live.start();
})();
