// The speaker's timer: minutes and seconds left, amber from the wrap-up time, red and counting up when over.
// It flashes when the part enters its wrap-up time and again at zero; /stage?sound=1 adds a short chime
// made here (WebAudio, no file). Messages from the desk show large until cleared; blackout goes black.
// /stage?room=ID shows that room's running part while its block runs (live.js hands it the room's view).
"use strict";
(function () {
  var live = window.agendaLive;
  var state = null;
  var lastLeft = null;
  var lastPart = null;
  var timer = document.querySelector(".timer");
  var figures = document.querySelector(".timer .figures");
  var caption = document.querySelector(".timer .caption");
  var current = document.querySelector(".current");
  var next = document.querySelector(".next");
  var message = document.querySelector(".message");
  var blackout = document.querySelector(".blackout");
  var forumTitle = current.textContent;
  var sound = new URLSearchParams(location.search).get("sound") === "1";
  var audio = null;

  function chime() {
    if (!sound) { return; }
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) { return; }
    audio = audio || new Context();
    if (audio.state === "suspended") { audio.resume(); }
    [880, 1320].forEach(function (pitch, n) {
      var tone = audio.createOscillator();
      var gain = audio.createGain();
      var at = audio.currentTime + n * 0.18;
      tone.type = "sine";
      tone.frequency.value = pitch;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
      tone.connect(gain).connect(audio.destination);
      tone.start(at);
      tone.stop(at + 0.65);
    });
    document.body.dataset.chimes = String(Number(document.body.dataset.chimes || 0) + 1);
  }
  // Browsers start sound only after a touch: the first tap on the stage unlocks it.
  document.addEventListener("click", function () { if (sound && !audio) { chime(); } });

  function flash() {
    document.body.classList.remove("flash");
    void document.body.offsetWidth;  // restart the animation
    document.body.classList.add("flash");
    document.body.dataset.flashes = String(Number(document.body.dataset.flashes || 0) + 1);
    chime();
  }

  function tick() {
    if (!state) { return; }
    var left = live.left(state);
    if (left === null) {
      figures.textContent = "--:--";
      caption.textContent = live.words.nothing;
      timer.className = "timer idle";
      lastLeft = null;
      return;
    }
    var part = state.current.part || state.current.id;
    if (part === lastPart && lastLeft !== null) {
      if (lastLeft > live.wrapUp && left <= live.wrapUp && left > 0) { flash(); }
      if (lastLeft > 0 && left <= 0) { flash(); }
    }
    lastPart = part;
    lastLeft = left;
    if (left < 0) {
      figures.textContent = "+" + live.mmss(-left);
      caption.textContent = live.words.over;
      timer.className = "timer over";
    } else {
      figures.textContent = live.mmss(left);
      caption.textContent = live.words.left;
      timer.className = left <= live.wrapUp ? "timer running amber" : "timer running";
    }
  }

  live.onState(function (s) {
    state = s;
    current.textContent = s.current ? s.current.title : forumTitle;
    next.textContent = s.next
      ? live.words.next + ": " + s.next.title + " · " + live.words.starts.replace("{time}", live.hm(s.next.start))
      : "";
    tick();
  });
  live.onMessage(function (m) {
    message.textContent = m.text;
    message.hidden = !m.text;
    blackout.hidden = !m.blackout;
    document.body.classList.toggle("blacked-out", !!m.blackout);
    if (m.text && m.flash) { flash(); }
  });
  setInterval(tick, 250);
  live.start();
})();
