/**
 * A button whose action cannot be undone (start over, finish the exam): the first press only asks,
 * turning its text to `ask` for 4 s; a second press within them acts. When `needed()` is false (there
 * is nothing to lose) the first press acts.
 */
export function confirmTwice(btn: HTMLButtonElement, ask: string, act: () => void, needed = () => true): void {
  let label = btn.textContent ?? '';
  let armed = false;
  btn.addEventListener('click', () => {
    if (!armed && needed()) {
      armed = true;
      label = btn.textContent ?? ''; // the label of the moment (it may have changed since)
      btn.textContent = ask;
      window.setTimeout(() => {
        armed = false;
        btn.textContent = label;
      }, 4000);
      return;
    }
    armed = false;
    btn.textContent = label;
    act();
  });
}
