"use strict";
// Keyboard first: j/k move, c/d/f/o decide (clicking the card's button, so htmx posts the form
// exactly as a mouse would), n focuses the note. No hotkey fires while typing in a field.
(() => {
  const cards = () => Array.from(document.querySelectorAll("main .finding"));
  let current = 0;

  function select(index, focus) {
    const all = cards();
    if (!all.length) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach((card, i) => card.classList.toggle("current", i === current));
    if (focus) {
      all[current].scrollIntoView({ block: "nearest" });
      all[current].focus({ preventScroll: true });
    }
  }

  const typing = (el) => el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && typing(event.target)) {
      event.target.blur();
      select(current, true);
      return;
    }
    if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    const card = cards()[current];
    if (event.key === "j" || event.key === "ArrowDown") {
      select(current + 1, true);
    } else if (event.key === "k" || event.key === "ArrowUp") {
      select(current - 1, true);
    } else if (event.key === "n" && card) {
      card.querySelector(".note").focus();
    } else {
      const button = card && card.querySelector(`button[data-key="${event.key}"]`);
      if (!button || button.disabled) return;
      button.click();
    }
    event.preventDefault();
  });

  document.addEventListener("click", (event) => {
    const card = event.target.closest && event.target.closest("main .finding");
    if (card) select(cards().indexOf(card), false);
  });

  // After a decision is saved the card is replaced; a decided card hands on to the next one.
  document.addEventListener("htmx:afterSettle", () => {
    const card = cards()[current];
    select(card && card.dataset.status !== "open" ? current + 1 : current, true);
  });

  const target = location.hash && document.getElementById(location.hash.slice(1));
  select(target ? cards().indexOf(target) : 0, false);
})();
