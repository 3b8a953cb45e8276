// Keyboard shortcuts of the staff review pages (issue 12). An element that carries
// data-shortcut="a" (and aria-keyshortcuts="A" for assistive technology) is focused and
// clicked when its key is pressed outside a text field and without Ctrl, Alt or Meta; "?"
// opens the page's list of shortcuts, the <dialog id="shortcut-help"> of
// templates/shortcuts.html. A click is a click: a button with data-confirm still asks
// (ruxue.js), and one with data-shortcut-confirm asks when its key, not the mouse, pressed
// it, so that a stray key decides nothing. data-shortcut-field="reason" names the field a
// decision needs: while it is empty the key moves the focus there instead of sending.
// WCAG 2.1.4: the list's switch turns the single-key shortcuts off, remembered in this
// browser; the list's button works either way.
(function () {
  var STORE = 'ruxue.shortcuts';
  var opener = null;

  function enabled() {
    try {
      return window.localStorage.getItem(STORE) !== 'off';
    } catch (e) {
      return true;
    }
  }

  function remember(on) {
    try {
      if (on) {
        window.localStorage.removeItem(STORE);
      } else {
        window.localStorage.setItem(STORE, 'off');
      }
    } catch (e) {
      // private browsing without storage: the switch lasts for this page
    }
  }

  // A field that takes letters: there a letter is text, never a shortcut. A check box or a
  // button takes none.
  function typing(element) {
    if (!element || !element.closest) {
      return false;
    }
    if (element.closest('textarea, select, [contenteditable=""], [contenteditable="true"]')) {
      return true;
    }
    var input = element.closest('input');
    return !!input && ['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'range', 'color', 'file']
      .indexOf(input.type) < 0;
  }

  function usable(element) {
    return !element.disabled && element.getClientRects().length > 0;
  }

  function targetOf(key) {
    var all = document.querySelectorAll('[data-shortcut]');
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute('data-shortcut') === key && usable(all[i])) {
        return all[i];
      }
    }
    return null;
  }

  // The element's own words, without the hint: for the list.
  function labelOf(element) {
    if (element.hasAttribute('data-shortcut-label')) {
      return element.getAttribute('data-shortcut-label');
    }
    var copy = element.cloneNode(true);
    var hints = copy.querySelectorAll('.shortcut-hint');
    for (var i = 0; i < hints.length; i++) {
      hints[i].remove();
    }
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }

  // The hints and aria-keyshortcuts say what works: both go while the shortcuts are off.
  function showHints(on) {
    var all = document.querySelectorAll('[data-shortcut]');
    for (var i = 0; i < all.length; i++) {
      if (on && all[i].hasAttribute('data-keyshortcuts-off')) {
        all[i].setAttribute('aria-keyshortcuts', all[i].getAttribute('data-keyshortcuts-off'));
        all[i].removeAttribute('data-keyshortcuts-off');
      } else if (!on && all[i].hasAttribute('aria-keyshortcuts')) {
        all[i].setAttribute('data-keyshortcuts-off', all[i].getAttribute('aria-keyshortcuts'));
        all[i].removeAttribute('aria-keyshortcuts');
      }
      var hint = all[i].querySelector('.shortcut-hint');
      if (on && !hint) {
        hint = document.createElement('kbd');
        hint.className = 'shortcut-hint';
        // aria-keyshortcuts says it to assistive technology; the name stays the button's words
        hint.setAttribute('aria-hidden', 'true');
        hint.textContent = all[i].getAttribute('data-shortcut').toUpperCase();
        all[i].appendChild(hint);
      } else if (!on && hint) {
        hint.remove();
      }
    }
  }

  function fillList(help) {
    var list = help.querySelector('.shortcut-list');
    if (!list || list.getAttribute('data-filled')) {
      return;
    }
    var all = document.querySelectorAll('[data-shortcut]');
    for (var i = 0; i < all.length; i++) {
      var term = document.createElement('dt');
      var key = document.createElement('kbd');
      key.textContent = all[i].getAttribute('data-shortcut').toUpperCase();
      term.appendChild(key);
      var description = document.createElement('dd');
      description.textContent = labelOf(all[i]);
      list.appendChild(term);
      list.appendChild(description);
    }
    list.setAttribute('data-filled', 'true');
  }

  function openHelp(help) {
    fillList(help);
    opener = document.activeElement;
    help.querySelector('.shortcut-switch').checked = enabled();
    help.showModal();
  }

  function act(element, event) {
    event.preventDefault();
    var fieldId = element.getAttribute('data-shortcut-field');
    var field = fieldId && document.getElementById(fieldId);
    if (field && !field.value.trim()) {
      field.focus();
      return;
    }
    element.focus();
    var question = element.getAttribute('data-shortcut-confirm');
    if (question && !window.confirm(question)) {
      return;
    }
    element.click();
  }

  document.addEventListener('keydown', function (event) {
    var help = document.getElementById('shortcut-help');
    if (!help || help.open || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey
        || event.isComposing || event.key.length !== 1 || typing(event.target) || !enabled()) {
      return;
    }
    if (event.key === '?') {
      event.preventDefault();
      openHelp(help);
      return;
    }
    var element = targetOf(event.key.toLowerCase());
    if (element) {
      act(element, event);
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    var help = document.getElementById('shortcut-help');
    if (!help) {
      return;
    }
    showHints(enabled());
    document.getElementById('shortcut-help-open').addEventListener('click', function () {
      openHelp(help);
    });
    help.querySelector('.shortcut-close').addEventListener('click', function () {
      help.close();
    });
    help.querySelector('.shortcut-switch').addEventListener('change', function (event) {
      remember(event.target.checked);
      showHints(event.target.checked);
    });
    // Escape closes the dialog by itself; the focus goes back where it was
    help.addEventListener('close', function () {
      if (opener && opener.focus && document.contains(opener)) {
        opener.focus();
      }
      opener = null;
    });
  });
})();
