import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSelector, parseStylesheet } from '../../../src/render/html/css-rules.ts';
import { inlineStyles } from '../../../src/render/html/css-inliner.ts';
import { TEMPLATES_DIR } from './example-reports.ts';

describe('parseStylesheet', () => {
  it('reads rules, splits selector lists and keeps declarations in order', () => {
    const sheet = parseStylesheet('/* note */ p, .a .b { color: red; margin: 0 } div > .c{font-family:"A B", serif}');
    expect(sheet.rules.map((r) => r.selector.text)).toEqual(['p', '.a .b', 'div > .c']);
    expect(sheet.rules[0]!.declarations).toEqual([
      ['color', 'red'],
      ['margin', '0'],
    ]);
    expect(sheet.rules[2]!.declarations).toEqual([['font-family', '"A B", serif']]);
    expect(sheet.skipped).toEqual([]);
  });

  it('skips at-rules and selectors it does not understand, and says so', () => {
    const sheet = parseStylesheet(
      '@charset "utf-8"; @media print { .a { color: red } } a:focus { outline: 0 } #x { color: red } [hidden] { display: none } .b { color: blue }',
    );
    expect(sheet.rules.map((r) => r.selector.text)).toEqual(['.b']);
    expect(sheet.skipped).toEqual(['@charset "utf-8"', '@media print', 'a:focus', '#x', '[hidden]']);
  });

  it('counts specificity as classes, then elements', () => {
    expect(parseSelector('.a th')!.specificity).toEqual([1, 1]);
    expect(parseSelector('table.a.b > td')!.specificity).toEqual([2, 2]);
    expect(parseSelector('a + b')).toBeNull();
    expect(parseSelector('> a')).toBeNull();
  });
});

describe('inlineStyles', () => {
  it('applies matching rules in cascade order and removes the classes', () => {
    const css = '.x p { color: red; margin: 1em } p { color: blue; margin-top: 0 } .x > p.y { color: green }';
    const html = '<div class="x"><p class="y">甲</p><p>乙</p><span><p>丙</p></span></div>';
    expect(inlineStyles(html, css)).toBe(
      '<div><p style="margin-top: 0; margin: 1em; color: green">甲</p><p style="margin-top: 0; color: red; margin: 1em">乙</p><span><p style="margin-top: 0; color: red; margin: 1em">丙</p></span></div>',
    );
  });

  it('lets a later equal-specificity rule win and keeps a shorthand after the longhand it overrides', () => {
    const css = '.a { margin-top: 2px } .a { margin: 0 }';
    expect(inlineStyles('<p class="a">x</p>', css)).toBe('<p style="margin-top: 2px; margin: 0">x</p>');
  });

  it('keeps a style the markup already has over the sheet', () => {
    expect(inlineStyles('<p class="a" style="color: red">x</p>', '.a { color: blue; margin: 0 }')).toBe(
      '<p style="margin: 0; color: red">x</p>',
    );
  });

  it('tracks void elements, child combinators and attributes faithfully', () => {
    const css = 'td > br { display: none } .t td { padding: 0 } .n { font-weight: bold }';
    const html = '<table class="t"><tr><td colspan="2" headers="a b">1<br>2</td></tr></table><p class=\'n\' title=\'say "hi"\'>x</p>';
    expect(inlineStyles(html, css)).toBe(
      '<table><tr><td colspan="2" headers="a b" style="padding: 0">1<br style="display: none">2</td></tr></table><p title="say &quot;hi&quot;" style="font-weight: bold">x</p>',
    );
  });

  it('writes quoted font names so they fit a double-quoted attribute', () => {
    expect(inlineStyles('<p class="f">x</p>', '.f { font-family: "Noto Sans", sans-serif }')).toBe(
      `<p style="font-family: 'Noto Sans', sans-serif">x</p>`,
    );
  });

  it('can keep classes, drops comments and leaves text alone', () => {
    expect(inlineStyles('<!-- c --><p class="a">1 &lt; 2</p>', '.a { color: red }', { keepClasses: true })).toBe(
      '<p class="a" style="color: red">1 &lt; 2</p>',
    );
  });

  it('understands every rule of the page stylesheet that is meant for the fragment', () => {
    const css = fs.readFileSync(path.join(TEMPLATES_DIR, 'web', 'page.css'), 'utf8');
    const { skipped } = parseStylesheet(css);
    // Only print rules and focus styles stay in index.html: a CMS paste cannot carry them.
    expect(skipped).toEqual(['.table-scroll:focus-visible', '@media print']);
  });
});
