// The live state for every page: the state now, then every change by Server-Sent Events.
// Reconnects by itself after a server restart or a dropped network, and keeps the offset
// between this device's clock and the server's, so countdowns run on corrected time.
// Every page shows the time of day in the forum's zone, and says so when this device's
// clock is more than 30 seconds off the server's (never on a rehearsal clock, which is off on purpose).
// A page opened with ?room=ID follows that room: while its block runs, the state's `rooms[ID]` stands
// for the day's current/next/cut, and a message for another room is not shown.
"use strict";
(function () {
  var listeners = [];
  var messageListeners = [];
  var offsetMs = 0;
  var zoneMs = 0;
  var lastSeen = 0;
  var source = null;
  var body = document.body.dataset;
  var words = JSON.parse(body.words || "{}");
  var people = JSON.parse(body.people || "{}");
  var rehearsal = body.rehearsal === "1";
  var room = body.room || null;
  var CLOCK_TOLERANCE_MS = 30000;

  function zoneOffset(iso) {
    var m = /([+-])(\d\d):(\d\d)$/.exec(iso || "");
    return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60000 : 0;
  }

  function two(n) { return (n < 10 ? "0" : "") + n; }

  function showClock() {
    var local = new Date(Date.now() + offsetMs + zoneMs);
    var text = two(local.getUTCHours()) + ":" + two(local.getUTCMinutes()) + ":" + two(local.getUTCSeconds());
    document.querySelectorAll(".time-of-day").forEach(function (t) { t.textContent = text; });
  }

  function checkClock() {
    var note = document.querySelector(".clock-off");
    if (!note) { return; }
    var off = Math.abs(offsetMs) > CLOCK_TOLERANCE_MS && !rehearsal;
    note.hidden = !off;
    note.textContent = off ? words.clockOff.replace("{seconds}", String(Math.round(Math.abs(offsetMs) / 1000))) : "";
  }

  // The day as this page's room follows it: the room's parts while its block runs, else the day's.
  function view(state) {
    var track = room && state.rooms ? state.rooms[room] : null;
    if (!track) { return state; }
    var seen = Object.assign({}, state);
    seen.current = track.current;
    seen.next = track.next;
    seen.cut = track.cut;
    return seen;
  }

  function receive(text) {
    var state = view(JSON.parse(text));
    offsetMs = Date.parse(state.at) - Date.now();
    zoneMs = zoneOffset(state.at);
    lastSeen = Date.now();
    offline(false);
    checkClock();
    showClock();
    state.receivedAt = Date.now();
    listeners.forEach(function (listener) { listener(state); });
  }

  function offline(on) {
    var note = document.querySelector(".offline");
    if (note) { note.hidden = !on; }
  }

  function connect() {
    if (source) { source.close(); }
    source = new EventSource(room ? "/events?room=" + encodeURIComponent(room) : "/events");
    source.addEventListener("now", function (event) { receive(event.data); });
    source.addEventListener("line", function (event) {
      document.querySelectorAll(".day-line").forEach(function (line) { line.textContent = event.data; });
    });
    source.addEventListener("message", function (event) {
      var message = JSON.parse(event.data);
      if (message.room && message.room !== room) { return; }  // for another room's stage
      messageListeners.forEach(function (listener) { listener(message); });
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
  setInterval(function () { if (lastSeen) { showClock(); } }, 250);

  window.agendaLive = {
    words: words,
    wrapUp: Number(body.wrapUp || 120),
    room: room,
    serverNow: function () { return Date.now() + offsetMs; },
    onState: function (listener) { listeners.push(listener); },
    onMessage: function (listener) { messageListeners.push(listener); },
    hm: function (iso) { return iso ? iso.slice(11, 16) : ""; },
    hms: function (iso) { return iso ? iso.slice(11, 19) : ""; },
    // Who takes part: the part's own people where the state names them, else the segment's.
    people: function (part) {
      if (!part) { return ""; }
      var named = part.people;
      if (Array.isArray(named) && named.length) {
        return named.map(function (p) { return typeof p === "string" ? p : (p.name || ""); }).join(", ");
      }
      if (typeof named === "string" && named) { return named; }
      return people[part.id] || "";
    },
    mmss: function (seconds) {
      var s = Math.abs(Math.round(seconds));
      var m = Math.floor(s / 60);
      return (m < 10 ? "0" : "") + m + ":" + (s % 60 < 10 ? "0" : "") + (s % 60);
    },
    // Seconds left of the running part on the server's clock (negative when over), or null.
    left: function (s) {
      if (!s || !s.current) { return null; }
      var due = Date.parse(s.at) + (s.current.remaining_seconds - s.current.over_seconds) * 1000;
      return (due - (Date.now() + offsetMs)) / 1000;
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
