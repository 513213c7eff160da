/**
 * Our hosts sit in the page, so page CSS applies to them: `all: initial` with `!important` inline
 * wins over any stylesheet rule. (A page script can still rewrite the inline style; the click guard
 * checks what is really shown at click time.)
 */
export function styleHost(host: HTMLElement, declarations: readonly [string, string][]): void {
  const base: [string, string][] = [
    ['all', 'initial'],
    ['visibility', 'visible'],
    ['opacity', '1'],
  ];
  for (const [name, value] of [...base, ...declarations]) {
    host.style.setProperty(name, value, 'important');
  }
}
