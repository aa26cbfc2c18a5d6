/*
 * TeX formulas on the platform's pages, typeset by MathJax 3 (the org.webjars.npm:mathjax webjar;
 * the version below is the pom's). The server writes formulas as \( … \) and \[ … \] inside
 * elements of class math-inline or math-display (shared/MarkdownMath, lab outputs of text/latex),
 * so only those are typeset: a dollar sign elsewhere on a page stays a dollar sign. MathJax loads
 * on the first formula a page shows, never before. Its assistive MathML (on by default) is what a
 * screen reader reads.
 */
(function () {
  'use strict';

  var MATHJAX = 'webjars/mathjax/3.2.2/es5/tex-chtml.js';
  var loading = null;

  function load() {
    if (loading) {
      return loading;
    }
    window.MathJax = {
      tex: { inlineMath: [['\\(', '\\)']], displayMath: [['\\[', '\\]']], processEscapes: false },
      startup: { typeset: false }
    };
    loading = new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = new URL(MATHJAX, document.baseURI).href;
      script.async = true;
      script.onload = function () {
        window.MathJax.startup.promise.then(resolve, reject);
      };
      script.onerror = function () {
        loading = null;
        reject(new Error('MathJax did not load from ' + script.src));
      };
      document.head.appendChild(script);
    });
    return loading;
  }

  /* Typesets the formulas within an element (the server calls this after it sets the element's HTML). */
  window.academyTypeset = function (element) {
    if (!element || !element.querySelector || (!element.querySelector('.math-inline, .math-display')
        && !(element.classList && (element.classList.contains('math-inline') || element.classList.contains('math-display'))))) {
      return Promise.resolve();
    }
    return load().then(function () {
      window.MathJax.typesetClear([element]);
      return window.MathJax.typesetPromise([element]);
    }).then(function () {
      element.setAttribute('data-typeset', 'true');
    }).catch(function (error) {
      console.warn('Formulas were not typeset:', error);
    });
  };
})();
