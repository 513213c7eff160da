import type { Page } from 'playwright-core';

/** sRGB channels 0-255. */
export type Rgb = [number, number, number];

export interface ColourProblem {
  text: string;
  colour: Rgb;
  background: Rgb;
  ratio: number;
}

export interface FocusIndicator {
  element: string;
  kind: 'outline' | 'box-shadow' | 'none';
  colour?: string;
  /** Against the background around the control, where the indicator is drawn. */
  contrast: number;
}

export interface PageColours {
  /** The body's background and its WCAG relative luminance (0 black, 1 white). */
  background: Rgb;
  backgroundLuminance: number;
  /** Visible text below WCAG AA 4.5:1; disabled controls are exempt (WCAG 1.4.3). */
  problems: ColourProblem[];
  /** The focused element's focus indicator (outline, else box-shadow). */
  focus: FocusIndicator;
}

/**
 * Looks at the page's colours: every visible piece of text (text nodes, form-control values,
 * placeholders) against what is painted behind it, and the focus indicator. Runs in the page
 * (page.evaluate serialises it), so it carries its own helpers: nothing from this module exists there.
 */
export function pageColours(): PageColours {
  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba => {
    const rgb = /rgba?\(([^)]+)\)/.exec(css);
    const srgb = /color\(srgb ([^)]+)\)/.exec(css);
    const parts = (rgb ?? srgb)?.[1]
      ?.split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    if (!parts || parts.length < 3 || parts.some(Number.isNaN))
      throw new Error(`colour not understood: ${css}`);
    const scale = srgb ? 255 : 1;
    return [parts[0]! * scale, parts[1]! * scale, parts[2]! * scale, parts[3] ?? 1];
  };
  const over = (top: Rgba, bottom: Rgb): Rgb =>
    [0, 1, 2].map((i) => top[i]! * top[3] + bottom[i]! * (1 - top[3])) as Rgb;
  const backgroundBehind = (element: Element | null): Rgb => {
    const layers: Rgba[] = [];
    for (let e = element; e; e = e.parentElement) {
      const colour = parse(getComputedStyle(e).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    return layers.reduceRight<Rgb>((below, layer) => over(layer, below), [255, 255, 255]);
  };
  const lum = ([r, g, b]: Rgb): number => {
    const c = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
  };
  const ratio = (a: Rgb, b: Rgb): number => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
    return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
  };
  // checkVisibility: a closed <details> hides its content with content-visibility, which boxes survive.
  const shown = (element: Element): boolean =>
    element.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) &&
    !element.closest('.visually-hidden');
  const disabled = (element: Element): boolean => !!element.closest(':disabled');

  const problems: ColourProblem[] = [];
  const check = (text: string, colourCss: string, background: Rgb) => {
    const colour = over(parse(colourCss), background);
    const value = ratio(colour, background);
    if (value < 4.5)
      problems.push({
        text: text.trim().slice(0, 40),
        colour: colour.map(Math.round) as Rgb,
        background: background.map(Math.round) as Rgb,
        ratio: value,
      });
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent?.trim() || !shown(parent) || disabled(parent)) continue;
    if (parent.closest('select, option, datalist, script, style')) continue;
    check(node.textContent, getComputedStyle(parent).color, backgroundBehind(parent));
  }
  for (const control of document.querySelectorAll('input, select, textarea')) {
    const field = control as HTMLInputElement;
    if (['checkbox', 'radio', 'hidden'].includes(field.type) || !shown(field) || disabled(field))
      continue;
    const background = backgroundBehind(field);
    if (field.value) check(field.value, getComputedStyle(field).color, background);
    else if (field.placeholder)
      check(field.placeholder, getComputedStyle(field, '::placeholder').color, background);
  }

  const focus = ((): FocusIndicator => {
    const element = document.activeElement;
    if (!element || element === document.body)
      return { element: 'body', kind: 'none', contrast: 0 };
    const style = getComputedStyle(element);
    const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}`;
    const kind =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
        ? 'outline'
        : style.boxShadow !== 'none'
          ? 'box-shadow'
          : 'none';
    if (kind === 'none') return { element: name, kind, contrast: 0 };
    const colour = kind === 'outline' ? style.outlineColor : style.boxShadow;
    // The indicator is drawn outside the control, on its parent's background.
    const background = backgroundBehind(element.parentElement);
    return {
      element: name,
      kind,
      colour,
      contrast: ratio(over(parse(colour), background), background),
    };
  })();

  const background = backgroundBehind(document.body);
  return { background, backgroundLuminance: lum(background), problems, focus };
}

/**
 * The size Chrome would give the popup. Chrome sizes a popup to its content: Blink lays the page
 * out in a tiny viewport and takes the document's scroll size. Measured the same way here, then
 * the viewport is put back.
 */
export async function popupSize(page: Page): Promise<{ width: number; height: number }> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 100, height: 100 });
  const size = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  if (viewport) await page.setViewportSize(viewport);
  return size;
}

/** Gives the page the size Chrome would give the popup (at most 800 × 600), for true pictures. */
export async function fitToPopup(page: Page): Promise<void> {
  const { width, height } = await popupSize(page);
  await page.setViewportSize({ width: Math.min(width, 800), height: Math.min(height, 600) });
}
