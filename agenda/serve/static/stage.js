// The speaker's timer: minutes and seconds left, amber in the last 2 minutes, red and counting up when over.
"use strict";
(function () {
  var live = window.agendaLive;
  var state = null;
  var timer = document.querySelector(".timer");
  var figures = document.querySelector(".timer .figures");
  var caption = document.querySelector(".timer .caption");
  var current = document.querySelector(".current");
  var next = document.querySelector(".next");

  function dueMs(s) {
    return Date.parse(s.at) + (s.current.remaining_seconds - s.current.over_seconds) * 1000;
  }

  function tick() {
    if (!state) { return; }
    if (!state.current) {
      figures.textContent = "--:--";
      caption.textContent = live.words.nothing;
      timer.className = "timer idle";
      return;
    }
    var left = (dueMs(state) - live.serverNow()) / 1000;
    if (left < 0) {
      figures.textContent = "+" + live.mmss(-left);
      caption.textContent = live.words.over;
      timer.className = "timer over";
    } else {
      figures.textContent = live.mmss(left);
      caption.textContent = live.words.left;
      timer.className = left <= 120 ? "timer running amber" : "timer running";
    }
  }

  live.onState(function (s) {
    state = s;
    current.textContent = s.current ? s.current.title : "";
    next.textContent = s.next
      ? live.words.next + ": " + s.next.title + " · " + live.words.starts.replace("{time}", live.hm(s.next.start))
      : "";
    tick();
  });
  setInterval(tick, 250);
  live.start();
})();
