/**
 * The lab page's element: marks the lab done from saved progress at once, then loads the working
 * part (terminal, 채점; lab-ui.ts) — the simulator itself starts with the first command.
 */
class KnLab extends HTMLElement {
  connectedCallback() {
    if (this.dataset.mounted) return;
    this.dataset.mounted = '1';
    import('./lab-ui.ts').then(
      (m) => m.mountLab(this),
      () => {
        const n = this.querySelector('[data-notice]');
        if (n) n.textContent = '실습 도구를 불러오지 못했습니다. 새로 고침해 보세요.';
      },
    );
  }
}
if (!customElements.get('kn-lab')) customElements.define('kn-lab', KnLab);
