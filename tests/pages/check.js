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
//   scrolls TAG TEXT          a table, or a line of a <pre> of at most 120 characters, that does
//                             not fit its box (it scrolls; wide enough windows must not need it)
//   too-wide SCROLL CLIENT    the page scrolls sideways: its width over the window's
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
  for (const pre of document.querySelectorAll('pre')) {
    const longest = Math.max(...pre.textContent.split('\n').map(line => [...line].length));
    if (longest <= 120 && pre.scrollWidth > pre.clientWidth + 1) out.push(`scrolls pre ${start(pre)}`);
  }

  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) out.push(`too-wide ${root.scrollWidth} ${root.clientWidth}`);

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
