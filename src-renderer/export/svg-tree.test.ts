import { describe, expect, it } from 'vitest';
import { el, escapeAttribute, safeAttribute, serializeXml, type XmlElement } from './svg-tree';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('serializeXml', () => {
  it.each<[string, XmlElement, string]>([
    ['an element with attributes and text', el('text', { x: 4, y: 13, fill: '#fff' }, ['web']), '<text x="4" y="13" fill="#fff">web</text>'],
    ['an empty element closes itself', el('rect', { width: 10 }), '<rect width="10"/>'],
    ['engine text is escaped as text', el('text', {}, ['<script>alert(1)</script> & co']), '<text>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</text>'],
    ['quotes in a value cannot end it', el('g', { 'aria-label': 'a" onload="x' }), '<g aria-label="a&quot; onload=&quot;x"/>'],
    ['a script is dropped, whatever its case', el('g', {}, [el('SCRIPT', {}, ['alert(1)']), el('rect')]), '<g><rect/></g>'],
    ['foreignObject is dropped with its HTML', el('g', {}, [el('foreignObject', {}, [el('div', {}, ['hi'])])]), '<g></g>'],
    ['event attributes are dropped', el('rect', { onclick: 'x()', ONLOAD: 'y()', onmouseover: 'z', width: 1 }), '<rect width="1"/>'],
    ['SMIL animation is dropped (it can rewrite an href)', el('g', {}, [el('set', { attributeName: 'href', to: 'javascript:x' })]), '<g></g>'],
    ['links only to own ids', el('use', { href: '#pattern' }), '<use href="#pattern"/>'],
    ['a link elsewhere drops the element that needs it', el('use', { href: 'https://example.com/x.svg#a' }), ''],
    ['an embedded PNG is kept', el('image', { href: PNG, width: 3 }), `<image href="${PNG}" width="3"/>`],
    ['an image from elsewhere is dropped', el('image', { href: 'http://example.com/a.png' }), ''],
    ['a javascript: link is dropped', el('a', { href: 'javascript:alert(1)' }, ['x']), '<a>x</a>'],
    ['paint from an own pattern is kept', el('rect', { fill: 'url("#nbh-hatch-paused")' }), '<rect fill="url(&quot;#nbh-hatch-paused&quot;)"/>'],
    ['paint from elsewhere is dropped', el('rect', { fill: 'url(http://example.com/p.svg#p)', width: 2 }), '<rect width="2"/>'],
    ['names that are not XML names are dropped', el('g', { 'a b': '1', 'x"y': '2', 'xlink:title': 'ok' }), '<g xlink:title="ok"/>'],
    ['control characters XML cannot hold are dropped', el('text', {}, ['a\u0000b\u0007c']), '<text>abc</text>'],
  ])('%s', (_, node, expected) => {
    expect(serializeXml(node)).toBe(expected);
  });
});

describe('safeAttribute', () => {
  it.each([
    ['rect', 'width', '10', true],
    ['rect', 'onclick', 'x', false],
    ['rect', 'style', 'fill: url(https://x/y)', false],
    ['rect', 'style', 'fill: red', true],
    ['rect', 'fill', 'expression(alert(1))', false],
    ['image', 'xlink:href', PNG, true],
    ['image', 'href', 'data:image/svg+xml;base64,PHN2Zz4=', false],
    ['g', 'href', '#ok', true],
  ])('<%s %s="%s"> → %s', (element, name, value, expected) => {
    expect(safeAttribute(element, name, value)).toBe(expected);
  });
});

describe('escapeAttribute', () => {
  it('keeps line breaks as character references (a value never spans raw lines)', () => {
    expect(escapeAttribute('a\nb\t<c>&"')).toBe('a&#10;b&#9;&lt;c&gt;&amp;&quot;');
  });
});
