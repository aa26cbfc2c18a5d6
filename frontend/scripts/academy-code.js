/*
 * The lab's code cells in CodeMirror 5 and Jupyter's keyboard model, as a thin layer over the
 * webjar (ADR 0014). Everything a key does locally (typing, undo, search, moving between cells)
 * stays in the browser; what changes the notebook goes to the server as one "cell-command" event
 * on the cell list: {cell, command, value}.
 */
(function () {
  'use strict';

  var SYNC_MS = 700;
  var DOUBLE_KEY_MS = 900;

  function send(from, cell, command, value, cursor) {
    from.dispatchEvent(new CustomEvent('cell-command', {
      bubbles: true,
      detail: { cell: cell, command: command, value: value === undefined ? null : value, cursor: cursor === undefined ? -1 : cursor }
    }));
  }

  /** Whether the page says a kernel is there to ask (else Tab indents and Shift+Tab outdents, without a round trip). */
  function kernelReady(host) {
    var list = host.closest('.academy-cells');
    return !!list && list.getAttribute('data-kernel') === 'ready';
  }

  function closeHelp(host) {
    if (host.academyHelp) {
      host.academyHelp.remove();
      host.academyHelp = null;
      host.academyEditor.getInputField().removeAttribute('aria-describedby');
      return true;
    }
    return false;
  }

  function cellOf(element) {
    return element.closest('.academy-cell');
  }

  /** Creates the editor in host once; a host drawn again keeps its editor and takes the new text. */
  function attach(host, cellId, value, readOnly, label, maxChars) {
    if (host.academyEditor) {
      if (host.academyEditor.getValue() !== value) {
        host.academyEditor.setValue(value);
      }
      host.academyEditor.refresh();
      return;
    }
    var sent = value;
    var timer = null;
    var flush = function () {
      clearTimeout(timer);
      timer = null;
      var now = cm.getValue();
      if (now !== sent) {
        sent = now;
        send(host, cellId, 'change', now);
      }
    };
    // Tab and Shift+Tab ask the kernel (complete_request, inspect_request); the answer is shown only if nothing moved meanwhile.
    var ask = function (command) {
      clearTimeout(timer);
      sent = cm.getValue();
      host.academyAsked = { value: sent, cursor: cm.indexFromPos(cm.getCursor()) };
      send(host, cellId, command, sent, host.academyAsked.cursor);
    };
    var run = function (command) {
      return function () {
        clearTimeout(timer);
        sent = cm.getValue();
        send(host, cellId, command, sent);
      };
    };
    var cm = CodeMirror(host, {
      value: value,
      mode: 'python',
      theme: 'academy',
      lineNumbers: true,
      indentUnit: 4,
      tabSize: 4,
      matchBrackets: true,
      autoCloseBrackets: !readOnly,
      readOnly: readOnly,
      viewportMargin: Infinity,
      // Long lines wrap: the page reflows (WCAG 1.4.10) and no scrolling region is left without keyboard access.
      lineWrapping: true,
      screenReaderLabel: label,
      extraKeys: {
        'Shift-Enter': run('run-next'),
        'Ctrl-Enter': run('run-here'),
        'Cmd-Enter': run('run-here'),
        'Alt-Enter': run('run-insert'),
        // The documented way out of the editor for keyboard users: Escape, then Tab or the arrows.
        'Esc': function (editor) {
          if (closeHelp(host)) {
            return;
          }
          if (editor.getSelections().length > 1) {
            editor.execCommand('singleSelection');
            return;
          }
          flush();
          editor.getInputField().blur();
          cellOf(host).focus();
        },
        'Tab': function (editor) {
          var before = editor.getLine(editor.getCursor().line).slice(0, editor.getCursor().ch);
          if (editor.somethingSelected()) {
            editor.execCommand('indentMore');
          } else if (/[\w.]$/.test(before) && kernelReady(host)) {
            ask('complete');
          } else {
            editor.execCommand('insertSoftTab');
          }
        },
        'Shift-Tab': function (editor) {
          var before = editor.getLine(editor.getCursor().line).slice(0, editor.getCursor().ch);
          if (!editor.somethingSelected() && /[\w.(]$/.test(before) && kernelReady(host)) {
            ask('inspect');
          } else {
            editor.execCommand('indentLess');
          }
        }
      }
    });
    host.academyEditor = cm;
    host.academyFlush = flush;
    if (maxChars > 0) {
      // The server refuses a longer cell; the editor does not let it grow past that in the first place.
      cm.on('beforeChange', function (editor, change) {
        if (!change.update) {
          return;
        }
        var added = change.text.join('\n').length;
        var removed = editor.getRange(change.from, change.to).length;
        if (editor.getValue().length + added - removed > maxChars) {
          change.cancel();
        }
      });
    }
    cm.on('changes', function () {
      clearTimeout(timer);
      timer = setTimeout(flush, SYNC_MS);
    });
    cm.on('blur', function () {
      closeHelp(host);
      flush();
    });
    cm.on('keydown', function (editor, event) {
      if (host.academyHelp && event.key !== 'Shift' && event.key !== 'Tab' && event.key !== 'Escape') {
        closeHelp(host);
      }
    });
    // CodeMirror measures itself when it is created; it is drawn again once the page's styles apply.
    var width = 0;
    new ResizeObserver(function () {
      if (host.clientWidth !== width) {
        width = host.clientWidth;
        cm.refresh();
      }
    }).observe(host);
  }

  /** The editor of a cell whose text and cursor are still as they were when the kernel was asked, or null. */
  function askedEditor(list, cellId, value) {
    var host = list.querySelector(':scope > .academy-cell[data-cell="' + cellId + '"] .academy-code-editor');
    var cm = host && host.academyEditor;
    if (!cm || !host.academyAsked || cm.getValue() !== value || host.academyAsked.value !== value
        || cm.indexFromPos(cm.getCursor()) !== host.academyAsked.cursor || !cm.hasFocus()) {
      return null;
    }
    return cm;
  }

  /** The kernel's completions: one is put in at once, several are offered in CodeMirror's list (an ARIA listbox). */
  function hint(list, cellId, value, matches, from, to) {
    var cm = askedEditor(list, cellId, value);
    if (!cm || matches.length === 0) {
      return;
    }
    cm.showHint({
      completeSingle: true,
      hint: function () {
        return { list: matches, from: cm.posFromIndex(from), to: cm.posFromIndex(to) };
      }
    });
  }

  /** The kernel's help for the name at the cursor, below the editor; read to screen readers; any key but Shift and Tab closes it. */
  function help(list, cellId, value, text) {
    var cm = askedEditor(list, cellId, value);
    if (!cm) {
      return;
    }
    var host = cm.getWrapperElement().parentElement;
    closeHelp(host);
    var node = document.createElement('div');
    node.className = 'academy-inspect';
    node.id = 'academy-help-' + cellId;
    node.setAttribute('role', 'tooltip');
    node.setAttribute('aria-live', 'polite');
    var pre = document.createElement('pre');
    pre.textContent = text;
    node.appendChild(pre);
    // Below the editor rather than floating over it: a one-line cell would clip a floating box.
    host.appendChild(node);
    node.scrollIntoView({ block: 'nearest' });
    host.academyHelp = node;
    cm.getInputField().setAttribute('aria-describedby', node.id);
  }

  function cells(list) {
    return Array.prototype.slice.call(list.querySelectorAll(':scope > .academy-cell'));
  }

  /** Selects a cell: in edit mode its editor has the cursor, in command mode the cell itself has focus. */
  function focus(list, cellId, edit) {
    var cell = list.querySelector(':scope > .academy-cell[data-cell="' + cellId + '"]');
    if (!cell) {
      return;
    }
    var editor = cell.querySelector('.academy-code-editor');
    cell.scrollIntoView({ block: 'nearest' });
    if (edit && editor && editor.academyEditor && !editor.academyEditor.getOption('readOnly')) {
      editor.academyEditor.focus();
    } else {
      cell.focus();
    }
  }

  /** Command mode: keys pressed while a cell (not its editor, a field or a button) has focus. */
  function commands(list) {
    if (list.academyCommands) {
      return;
    }
    list.academyCommands = true;
    var lastD = 0;
    list.addEventListener('keydown', function (event) {
      if ((event.ctrlKey || event.metaKey) && (event.key === 's' || event.key === 'S')) {
        // Saves what is typed, wherever the focus is in the notebook (the browser's own Save is not wanted here).
        event.preventDefault();
        event.stopPropagation();
        list.querySelectorAll('.academy-code-editor').forEach(function (host) {
          if (host.academyFlush) {
            host.academyFlush();
          }
        });
        send(list, null, 'save');
      }
    }, true);
    list.addEventListener('keydown', function (event) {
      var cell = event.target;
      if (!cell.classList || !cell.classList.contains('academy-cell') || cell.parentElement !== list) {
        return;
      }
      var id = cell.getAttribute('data-cell');
      var all = cells(list);
      var at = all.indexOf(cell);
      var command = null;
      var plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (event.key === 'Enter') {
        command = event.shiftKey ? 'run-next' : event.ctrlKey || event.metaKey ? 'run-here' : event.altKey ? 'run-insert' : 'edit';
        if (command === 'edit' && cell.querySelector('.academy-code-editor')) {
          focus(list, id, true);
          command = null;
          event.preventDefault();
        }
      } else if (plain && (event.key === 'ArrowUp' || event.key === 'k')) {
        if (at > 0) {
          focus(list, all[at - 1].getAttribute('data-cell'), false);
        }
        event.preventDefault();
      } else if (plain && (event.key === 'ArrowDown' || event.key === 'j')) {
        if (at < all.length - 1) {
          focus(list, all[at + 1].getAttribute('data-cell'), false);
        }
        event.preventDefault();
      } else if (plain && !event.shiftKey) {
        command = {
          a: 'insert-above', b: 'insert-below', m: 'to-markdown', y: 'to-code', z: 'undo-delete',
          c: 'copy', v: 'paste', h: 'help'
        }[event.key] || null;
        if (event.key === 'd') {
          var now = Date.now();
          command = now - lastD < DOUBLE_KEY_MS ? 'delete' : null;
          lastD = command ? 0 : now;
          event.preventDefault();
        }
      }
      if (command) {
        event.preventDefault();
        send(list, id, command);
      }
    });
  }

  window.academyCode = { attach: attach, focus: focus, commands: commands, hint: hint, help: help };
})();
