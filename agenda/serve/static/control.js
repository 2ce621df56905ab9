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

  document.querySelectorAll("button[data-mark]").forEach(function (button) {
    button.addEventListener("click", function () {
      fetch("/mark", {
        method: "POST",
        headers: {"Content-Type": "application/json", "Authorization": "Bearer " + input.value.trim()},
        body: JSON.stringify({mark: button.dataset.mark})
      }).then(function (response) {
        return response.json().then(function (body) {
          result.textContent = response.ok ? live.words.sent + " · " + body.said
                                           : live.words.refused + " · " + (body.error || response.status);
        });
      }).catch(function () { result.textContent = live.words.offline; });
    });
  });

  live.start();
})();
