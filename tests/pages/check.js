// Injected by tests/test_pages.cpp into a copy of the notes page, which headless
// Chromium renders and dumps. Once the page has loaded it measures the rendered
// page and writes what it found, one line each, into a <pre> with the id
// page-check at the end of the body:
//   width W                   the window's inner width (the test checks it was applied)
//   note FILE                 a note in the page, in page order
//   dead-anchor HREF          an in-page link to an id no element has
//   file URL                  a link or image to a file (the test checks the file exists)
//   broken-image SRC          an image that did not load
//   wrapped N M TEXT          a <pre> whose text has N lines rendered as M lines
//   clipped TAG TEXT          a <pre> or table wider than its box that cannot scroll
//   scrolls TAG TEXT          a table, or a line of a <pre> of at most 100 characters, that does
//                             not fit its box (it scrolls; wide enough windows must not need it)
//   code-size PX              the font size of code in running text (the first <code> in a <p>)
//   small-report SIZE TEXT    a report block (pre.text) whose text is smaller than that
//   too-wide SCROLL CLIENT    the page scrolls sideways: its width over the window's
//   svg-text N                how many texts of SVG images were measured
//   small-text SIZE TEXT      a text of an SVG image whose font size on screen, SIZE, is
//                             under 11 CSS px
//   mathml N                  how many <math> elements render with a size
//   done
window.addEventListener('load', () => {
  const out = [];
  const start = element => JSON.stringify(element.textContent.slice(0, 60));

  out.push('width ' + window.innerWidth);
  for (const note of document.querySelectorAll('.note[data-source]')) out.push('note ' + note.dataset.source);

  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    if (href.startsWith('#')) {
      if (!document.getElementById(decodeURIComponent(href.slice(1)))) out.push('dead-anchor ' + href);
    } else if (a.protocol === 'file:') {
      out.push('file ' + a.href.split('#')[0]);
    }
  }
  for (const img of document.images) {
    if (img.src.startsWith('file:')) out.push('file ' + img.src);
    if (!img.complete || img.naturalWidth === 0) out.push('broken-image ' + img.getAttribute('src').slice(0, 80));
  }

  // A <pre>'s rendered height against that of a copy forced not to wrap: the
  // copy has exactly one line box per line of text.
  const height = element => {
    const style = getComputedStyle(element);
    return element.scrollHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  };
  for (const pre of document.querySelectorAll('pre')) {
    const lines = pre.textContent.replace(/\n$/, '').split('\n').length;
    const copy = pre.cloneNode(true);
    for (const element of [copy, ...copy.querySelectorAll('*')]) {
      element.removeAttribute('id');
      element.style.whiteSpace = 'pre';
    }
    Object.assign(copy.style, {position: 'absolute', visibility: 'hidden', width: 'max-content', maxWidth: 'none'});
    pre.parentNode.insertBefore(copy, pre);
    const rendered = Math.round(lines * height(pre) / height(copy));
    copy.remove();
    if (rendered > lines) out.push(`wrapped ${lines} ${rendered} ${start(pre)}`);
  }

  for (const box of document.querySelectorAll('pre, table')) {
    const overflow = getComputedStyle(box).overflowX;
    if (box.scrollWidth > box.clientWidth + 1 && overflow !== 'auto' && overflow !== 'scroll')
      out.push(`clipped ${box.tagName.toLowerCase()} ${start(box)}`);
  }

  for (const table of document.querySelectorAll('table'))
    if (table.scrollWidth > table.clientWidth + 1) out.push(`scrolls table ${start(table)}`);
  for (const pre of document.querySelectorAll('pre'))
    if (!lineFits(pre, 100)) out.push(`scrolls pre ${start(pre)}`);

  // Report text at body size: no smaller than code in running text.
  const fontSize = element => parseFloat(getComputedStyle(element).fontSize);
  const inText = document.querySelector('p code');
  const codeSize = inText ? fontSize(inText) : 0;
  out.push('code-size ' + codeSize);
  for (const pre of document.querySelectorAll('pre.text')) {
    const size = fontSize(pre.querySelector('code') || pre);
    if (size < codeSize - 0.01) out.push(`small-report ${size} ${start(pre)}`);
  }

  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) out.push(`too-wide ${root.scrollWidth} ${root.clientWidth}`);

  const texts = svgTextSizes();
  out.push('svg-text ' + texts.length);
  for (const {size, text} of texts)
    if (size < 11) out.push(`small-text ${size.toFixed(1)} ${JSON.stringify(text.slice(0, 60))}`);

  const maths = [...document.getElementsByTagNameNS('http://www.w3.org/1998/Math/MathML', 'math')];
  const rendering = maths.filter(m => typeof MathMLElement !== 'undefined' && m instanceof MathMLElement
                                      && m.getBoundingClientRect().height > 0);
  out.push('mathml ' + rendering.length);

  out.push('done');
  const report = document.createElement('pre');
  report.id = 'page-check';
  report.textContent = out.join('\n');
  document.body.append(report);
});

// Whether the longest line of `pre` of at most `columns` characters fits its box
// (a block may hold longer lines, which scroll): a hidden copy of the block holding
// that line alone, as wide as its text, against the block's inner width.
function lineFits(pre, columns) {
  const lines = pre.textContent.split('\n').filter(line => [...line].length <= columns);
  if (lines.length === 0) return true;
  const line = lines.reduce((a, b) => ([...b].length > [...a].length ? b : a));
  const copy = pre.cloneNode(false);
  const code = pre.querySelector('code');
  const holder = code ? copy.appendChild(code.cloneNode(false)) : copy;
  holder.textContent = line;
  copy.removeAttribute('id');
  Object.assign(copy.style, {position: 'absolute', visibility: 'hidden', width: 'max-content', maxWidth: 'none'});
  pre.parentNode.insertBefore(copy, pre);
  const style = getComputedStyle(copy);
  const width = copy.getBoundingClientRect().width - parseFloat(style.borderLeftWidth)
                - parseFloat(style.borderRightWidth);
  copy.remove();
  return width <= pre.clientWidth + 1;
}

// The source of an image given as a data: URI of SVG (how pandoc --self-contained
// embeds one); null for any other image.
function svgSource(src) {
  const match = /^data:image\/svg\+xml([^,]*),(.*)$/s.exec(src);
  if (!match) return null;
  if (!match[1].includes(';base64')) return decodeURIComponent(match[2]);
  return new TextDecoder().decode(Uint8Array.from(atob(match[2]), c => c.charCodeAt(0)));
}

// The size on screen of every <text> of every SVG image: {size, text}, size in CSS px.
// An <img> does not expose its picture's elements, so the picture's source is parsed
// and a hidden inline copy is drawn in a box the size of the image's content box: the
// same viewport, so the same viewBox scaling. A text's font size in its own units
// times the vertical scale of its screen matrix (viewBox, preserveAspectRatio and
// every transform) is the size it is drawn at; no font size is assumed.
function svgTextSizes() {
  const sizes = [];
  for (const img of document.images) {
    const source = svgSource(img.getAttribute('src'));
    if (source === null) continue;
    const parsed = new DOMParser().parseFromString(source, 'image/svg+xml').documentElement;
    const svg = document.importNode(parsed, true);
    const style = getComputedStyle(img);
    const px = name => parseFloat(style[name]);
    const box = img.getBoundingClientRect();
    svg.setAttribute('width', box.width - px('paddingLeft') - px('paddingRight')
                              - px('borderLeftWidth') - px('borderRightWidth'));
    svg.setAttribute('height', box.height - px('paddingTop') - px('paddingBottom')
                               - px('borderTopWidth') - px('borderBottomWidth'));
    Object.assign(svg.style, {position: 'fixed', left: '0', top: '0', visibility: 'hidden'});
    // In its own document, text with no size of its own inherits medium, not the page's.
    if (!svg.hasAttribute('font-size')) svg.style.fontSize = 'medium';
    document.body.append(svg);
    for (const text of svg.querySelectorAll('text')) {
      const m = text.getScreenCTM();
      sizes.push({size: parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.c, m.d), text: text.textContent});
    }
    svg.remove();
  }
  return sizes;
}
