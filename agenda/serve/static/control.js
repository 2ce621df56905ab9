// The desk: the running part with its countdown and people, "next" named for what it starts,
// skip for the next part, undo, and messages to the speaker.
// Every press carries `expect` (the part this desk saw running, or "none") and an `id` chosen here:
// a press whose answer is lost is sent again with the same id, so the server records it once,
// and until an answer comes the desk says "not confirmed", never "not recorded".
// A room's desk (/control?room=ID) sends its room with every press and message (live.js follows the room).
// The token may come in the address after '#' (never sent to the server) and is kept for this tab.
"use strict";
(function () {
  var live = window.agendaLive;
  var words = live.words;
  var input = document.getElementById("token");
  var result = document.querySelector(".result");
  var partEl = document.querySelector(".running .part");
  var peopleEl = document.querySelector(".running .people");
  var timer = document.querySelector(".running .timer");
  var figures = document.querySelector(".running .timer .figures");
  var caption = document.querySelector(".running .timer .caption");
  var nextButton = document.querySelector('button[data-mark="next"]');
  var skipButton = document.querySelector('button[data-mark="skip"]');
  var messageResult = document.querySelector(".message-result");
  var blackoutSwitch = document.querySelector(".blackout-switch");
  var state = null;
  var pending = null;
  var RETRY_MS = 2000;

  var fromAddress = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromAddress) {
    sessionStorage.setItem("agenda-token", fromAddress);
    history.replaceState(null, "", location.pathname + location.search);
  }
  input.value = sessionStorage.getItem("agenda-token") || "";
  input.addEventListener("change", function () { sessionStorage.setItem("agenda-token", input.value.trim()); });
  document.querySelector(".token-form").addEventListener("submit", function (event) { event.preventDefault(); });

  function pressId() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function partName(part) { return part ? (part.part || part.id) : null; }

  function label(template, part) {
    var who = live.people(part);
    return template.replace("{title}", part.title + (who ? " · " + who : ""));
  }

  function tick() {
    var left = live.left(state);
    if (left === null) {
      figures.textContent = "--:--";
      caption.textContent = words.nothing;
      timer.className = "timer idle";
    } else if (left < 0) {
      figures.textContent = "+" + live.mmss(-left);
      caption.textContent = words.over;
      timer.className = "timer over";
    } else {
      figures.textContent = live.mmss(left);
      caption.textContent = words.left;
      timer.className = left <= live.wrapUp ? "timer running amber" : "timer running";
    }
  }

  live.onState(function (s) {
    state = s;
    partEl.textContent = s.current ? s.current.title : words.nothing;
    peopleEl.textContent = live.people(s.current);
    nextButton.textContent = s.next ? label(words.nextButton, s.next) : words.nextLast;
    skipButton.textContent = s.next ? label(words.skipButton, s.next) : skipButton.textContent;
    skipButton.disabled = !s.next;
    tick();
  });
  setInterval(tick, 250);

  function authorization() { return "Bearer " + input.value.trim(); }

  function send(press) {
    fetch("/mark", {
      method: "POST",
      headers: {"Content-Type": "application/json", "Authorization": authorization()},
      body: JSON.stringify(press)
    }).then(function (response) {
      return response.json().then(function (body) {
        pending = null;
        document.body.classList.remove("pending");
        if (response.ok) {
          result.textContent = words.recordedAt.replace("{time}", live.hms(body.now && body.now.at))
                                               .replace("{said}", body.said);
          result.className = "result recorded";
        } else {
          result.textContent = words.notRecorded.replace("{why}", body.error || String(response.status));
          result.className = "result refused";
        }
      });
    }).catch(function () {
      // No answer: the press may or may not have arrived. Same id again, until the server answers.
      result.textContent = words.notConfirmed;
      result.className = "result unconfirmed";
      setTimeout(function () { if (pending === press) { send(press); } }, RETRY_MS);
    });
  }

  function press(mark) {
    if (pending) { return; }  // one press at a time: the next waits for this one's answer
    if (!input.value.trim()) {
      result.textContent = words.noToken;
      result.className = "result refused";
      return;
    }
    var seen = state ? partName(state.current) : null;
    var body = {mark: mark, expect: seen || "none", id: pressId()};
    if (live.room) { body.room = live.room; }  // a room's desk steps its room's track
    if (mark === "skip") {
      if (!state || !state.next) { return; }
      body.segment = partName(state.next);
    }
    pending = body;
    document.body.classList.add("pending");
    send(body);
  }

  document.querySelectorAll("button[data-mark]").forEach(function (button) {
    button.addEventListener("click", function () { press(button.dataset.mark); });
  });

  function message(body) {
    if (live.room) { body.room = live.room; }  // a room's desk speaks to its room's stage only
    fetch("/message", {
      method: "POST",
      headers: {"Content-Type": "application/json", "Authorization": authorization()},
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (answer) {
        messageResult.textContent = response.ok ? words.messageSent : words.notRecorded.replace("{why}", answer.error);
      });
    }).catch(function () { messageResult.textContent = words.offline; });
  }

  var flashBox = document.getElementById("message-flash");
  var text = document.getElementById("message-text");
  document.querySelectorAll("button.ready").forEach(function (button) {
    button.addEventListener("click", function () { message({text: button.dataset.text, flash: flashBox.checked}); });
  });
  document.querySelector(".message-form").addEventListener("submit", function (event) {
    event.preventDefault();
    if (text.value.trim()) { message({text: text.value, flash: flashBox.checked}); }
  });
  document.querySelector("button.clear").addEventListener("click", function () { message({clear: true}); });
  blackoutSwitch.addEventListener("click", function () {
    message({blackout: blackoutSwitch.getAttribute("aria-pressed") !== "true"});
  });
  live.onMessage(function (m) {
    blackoutSwitch.setAttribute("aria-pressed", m.blackout ? "true" : "false");
    blackoutSwitch.textContent = m.blackout ? words.blackoutOff : words.blackoutOn;
  });

  live.start();
})();
