// The live state for every page: the state now, then every change by Server-Sent Events.
// Reconnects by itself after a server restart or a dropped network, and keeps the offset
// between this device's clock and the server's, so countdowns run on corrected time.
"use strict";
(function () {
  var listeners = [];
  var offsetMs = 0;
  var lastSeen = 0;
  var source = null;
  var words = JSON.parse(document.body.dataset.words || "{}");

  function receive(text) {
    var state = JSON.parse(text);
    offsetMs = Date.parse(state.at) - Date.now();
    lastSeen = Date.now();
    offline(false);
    state.receivedAt = Date.now();
    listeners.forEach(function (listener) { listener(state); });
  }

  function offline(on) {
    var note = document.querySelector(".offline");
    if (note) { note.hidden = !on; }
  }

  function connect() {
    if (source) { source.close(); }
    source = new EventSource("/events");
    source.addEventListener("now", function (event) { receive(event.data); });
    source.addEventListener("line", function (event) {
      document.querySelectorAll(".day-line").forEach(function (line) { line.textContent = event.data; });
    });
    source.onerror = function () {
      offline(true);
      if (source.readyState === EventSource.CLOSED) { setTimeout(connect, 2000); }
    };
  }

  // A connection that went quiet (a network that dropped without saying so) is opened again.
  setInterval(function () {
    if (lastSeen && Date.now() - lastSeen > 45000) { lastSeen = Date.now(); offline(true); connect(); }
  }, 5000);

  window.agendaLive = {
    words: words,
    serverNow: function () { return Date.now() + offsetMs; },
    onState: function (listener) { listeners.push(listener); },
    hm: function (iso) { return iso ? iso.slice(11, 16) : ""; },
    mmss: function (seconds) {
      var s = Math.abs(Math.round(seconds));
      var m = Math.floor(s / 60);
      return (m < 10 ? "0" : "") + m + ":" + (s % 60 < 10 ? "0" : "") + (s % 60);
    },
    start: function () {
      fetch("/now.json", {cache: "no-store"})
        .then(function (response) { return response.text(); })
        .then(receive)
        .catch(function () { offline(true); })
        .then(connect);
    }
  };
})();
