/** DOM helpers the scanner needs that cross shadow-root boundaries. */

/** The parent element, stepping from a shadow root to its host. */
export function composedParent(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return parent && isShadowRoot(parent) ? parent.host : null;
}

/** Whether `node` or an ancestor (across shadow roots) satisfies `test`. */
export function someComposedAncestor(node: Node, test: (element: Element) => boolean): boolean {
  for (
    let element = isElement(node) ? node : composedParent(node);
    element;
    element = composedParent(element)
  ) {
    if (test(element)) return true;
  }
  return false;
}

/**
 * Do-not-call markup drawn with CSS: whether `text-decoration: line-through` is on a node's
 * element or any ancestor (decorations propagate to descendants without being inherited, so each
 * is checked). For many nodes at once (one answer's worth): each ancestor's style is read once,
 * not once per number under it (a table's rows share their table, body and wrappers). Good for
 * one task only: styles change with the page.
 */
export function lineThroughChecker(): (node: Node) => boolean {
  const known = new Map<Element, boolean>();
  const struck = (element: Element | null): boolean => {
    if (!element || element.localName === 'body' || element.localName === 'html') return false;
    let answer = known.get(element);
    if (answer === undefined) {
      const view = element.ownerDocument.defaultView;
      const style = view?.getComputedStyle(element);
      answer =
        !!style &&
        (`${style.textDecorationLine} ${style.textDecoration}`.includes('line-through') ||
          struck(composedParent(element)));
      known.set(element, answer);
    }
    return answer;
  };
  return (node) => struck(isElement(node) ? node : composedParent(node));
}

export function isElement(node: Node): node is Element {
  return node.nodeType === Node.ELEMENT_NODE;
}

export function isText(node: Node): node is Text {
  return node.nodeType === Node.TEXT_NODE;
}

export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in node;
}
