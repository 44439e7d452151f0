// Present mode's keys: a clicker sends PageDown/PageUp (or the arrow keys), Esc leaves.
// Each key clicks one of the page's hidden Streamlit buttons, so the server keeps the state.
// The window's size is reported so the chart is drawn to fill it exactly.
export default function({ setStateValue, data }) {
  const NEXT = ['ArrowRight', 'ArrowDown', 'PageDown'];
  const PREVIOUS = ['ArrowLeft', 'ArrowUp', 'PageUp'];
  const press = (name) => {
    const button = document.querySelector('.st-key-present_' + name + ' button');
    if (button) button.click();
  };
  const onKey = (event) => {
    const target = event.target;
    if (target && target.closest && target.closest('input, textarea, select, [contenteditable]')) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const name = NEXT.includes(event.key) ? 'next' : PREVIOUS.includes(event.key) ? 'previous'
      : event.key === 'Escape' ? 'exit' : null;
    if (!name) return;
    event.preventDefault();
    press(name);
  };
  let known = data;
  const report = () => {
    const now = window.innerWidth + 'x' + window.innerHeight;
    if (now !== known) { known = now; setStateValue('size', now); }
  };
  report();
  let timer = null;
  const onResize = () => { clearTimeout(timer); timer = setTimeout(report, 250); };
  document.addEventListener('keydown', onKey, true);
  window.addEventListener('resize', onResize);
  return () => {
    clearTimeout(timer);
    document.removeEventListener('keydown', onKey, true);
    window.removeEventListener('resize', onResize);
  };
}
