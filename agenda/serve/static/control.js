// The desk: one button a mark, sent with the token printed when the server started.
// The token may come in the address after '#' (never sent to the server) and is kept for this tab.
"use strict";
(function () {
  var live = window.agendaLive;
  var input = document.getElementById("token");
  var result = document.querySelector(".result");
  var fromAddress = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromAddress) {
    sessionStorage.setItem("agenda-token", fromAddress);
    history.replaceState(null, "", location.pathname);
  }
  input.value = sessionStorage.getItem("agenda-token") || "";
  input.addEventListener("change", function () { sessionStorage.setItem("agenda-token", input.value.trim()); });
  document.querySelector(".token-form").addEventListener("submit", function (event) { event.preventDefault(); });

  // Every press says what it saw running (expect) and carries its own id: two desks pressing together
  // move the day once, and a press whose answer was lost is sent again with the same id (it counts once).
  var running = "none";
  var unanswered = null;
  live.onState(function (state) { running = state.current ? state.current.part : "none"; });
  function pressId() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  document.querySelectorAll("button[data-mark]").forEach(function (button) {
    button.addEventListener("click", function () {
      var press = unanswered && unanswered.mark === button.dataset.mark ? unanswered
                : {mark: button.dataset.mark, expect: running, id: pressId()};
      unanswered = press;
      fetch("/mark", {
        method: "POST",
        headers: {"Content-Type": "application/json", "Authorization": "Bearer " + input.value.trim()},
        body: JSON.stringify(press)
      }).then(function (response) {
        unanswered = null;
        return response.json().then(function (body) {
          result.textContent = response.ok ? live.words.sent + " · " + body.said
                                           : live.words.refused + " · " + (body.error || response.status);
        });
      }).catch(function () { result.textContent = live.words.offline; });
    });
  });

  live.start();
})();
