/** The mock exam's element: loads the working part (exam-ui.ts); the simulator starts with the first command. */
class KnExam extends HTMLElement {
  connectedCallback() {
    if (this.dataset.mounted) return;
    this.dataset.mounted = '1';
    import('./exam-ui.ts').then(
      (m) => m.mountExam(this),
      () => {
        const n = this.querySelector('[data-notice]');
        if (n) n.textContent = '모의시험 도구를 불러오지 못했습니다. 새로 고침해 보세요.';
      },
    );
  }
}
if (!customElements.get('kn-exam')) customElements.define('kn-exam', KnExam);
