/* The event form's repeat rule: shown only after "Repeats" is chosen. Without this script the
   fieldset stays visible with its note, and the server ignores it for "Once". Loaded as a file
   (no inline script), hiding with the hidden attribute (no inline style), for the site's CSP. */
(function () {
  "use strict";
  var rule = document.querySelector("[data-repeat-rule]");
  var choices = document.querySelectorAll("input[name='repeats']");
  if (!rule || !choices.length) {
    return;
  }
  var note = rule.querySelector("[data-repeat-note]");
  function repeats() {
    var chosen = document.querySelector("input[name='repeats']:checked");
    return chosen !== null && chosen.value === "repeats";
  }
  function update() {
    rule.hidden = !repeats();
  }
  if (note) {
    note.hidden = true;
  }
  choices.forEach(function (choice) {
    choice.setAttribute("aria-controls", rule.id);
    choice.addEventListener("change", update);
  });
  update();
  var summary = document.getElementById("error-summary-title");
  if (summary) {
    summary.focus();
  }
})();
