// Works on a slow connection (issue 12): a long form marked <form data-keep-typed> keeps
// what the family types in this tab's sessionStorage, so that a page loaded again after the
// connection dropped (reloaded, or reached again by the back button) shows it again instead
// of an empty form. Kept by the form's action; never passwords, files, the CSRF token, SMS
// codes or other hidden fields, except those the form names in data-keep-typed-hidden (the
// idempotency key: the same submission sent again is then recognised by the server as the
// first). Restored only into fields the server left empty: values the server sends back
// (a form shown again with its problems) stand. Cleared when the form was sent and the next
// page no longer shows it or says it was done (a success notice), and when anyone signs out
// or in.
(function () {
  var PREFIX = 'ruxue.typed:';
  var SENT = ':sent';

  function storage() {
    try {
      return window.sessionStorage;
    } catch (e) {
      return null; // storage disabled: the form works as before
    }
  }

  function keyOf(form) {
    var action = form.getAttribute('action') || window.location.pathname;
    return PREFIX + new URL(action, window.location.href).pathname;
  }

  function hiddenKept(form) {
    return (form.getAttribute('data-keep-typed-hidden') || '').split(/\s+/).filter(Boolean);
  }

  function kept(form, field) {
    if (!field.name || field.disabled || field.name === '_csrf' || field.hasAttribute('data-keep-typed-never')) {
      return false;
    }
    var type = (field.type || '').toLowerCase();
    if (type === 'password' || type === 'file' || type === 'submit' || type === 'button' || type === 'reset') {
      return false;
    }
    if (type === 'hidden') {
      return hiddenKept(form).indexOf(field.name) >= 0;
    }
    if (field.autocomplete === 'one-time-code' || /(^|_)code$/i.test(field.name)) {
      return false; // SMS codes
    }
    return true;
  }

  function save(form) {
    var store = storage();
    if (!store) {
      return;
    }
    var values = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!kept(form, field)) {
        return;
      }
      var type = (field.type || '').toLowerCase();
      if (type === 'radio') {
        if (field.checked) {
          values[field.name] = field.value;
        }
      } else if (type === 'checkbox') {
        values[field.name + '\u0000' + field.value] = field.checked;
      } else {
        values[field.name] = field.value;
      }
    });
    try {
      store.setItem(keyOf(form), JSON.stringify(values));
    } catch (e) {
      // full or refused: nothing kept
    }
  }

  function restore(form) {
    var store = storage();
    var saved = store && store.getItem(keyOf(form));
    if (!saved) {
      return;
    }
    var values;
    try {
      values = JSON.parse(saved);
    } catch (e) {
      return;
    }
    var hidden = hiddenKept(form);
    var answered = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      var type = (field.type || '').toLowerCase();
      if (type === 'radio' && field.checked) {
        answered[field.name] = true;
      }
    });
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!kept(form, field)) {
        return;
      }
      var type = (field.type || '').toLowerCase();
      if (type === 'radio') {
        if (!answered[field.name] && values[field.name] === field.value) {
          field.checked = true;
        }
      } else if (type === 'checkbox') {
        var checked = values[field.name + '\u0000' + field.value];
        if (checked === true && !field.checked && !field.defaultChecked) {
          field.checked = true;
        }
      } else if (Object.prototype.hasOwnProperty.call(values, field.name)
          && (field.value === '' || hidden.indexOf(field.name) >= 0)) {
        field.value = values[field.name];
      }
    });
  }

  function forget(key) {
    var store = storage();
    if (store) {
      store.removeItem(key);
      store.removeItem(key + SENT);
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var store = storage();
    if (!store) {
      return;
    }
    var forms = document.querySelectorAll('form[data-keep-typed]');
    var shown = {};
    Array.prototype.forEach.call(forms, function (form) {
      var key = keyOf(form);
      shown[key] = true;
      if (store.getItem(key + SENT) && document.querySelector('.alert-success[role=status]')) {
        forget(key); // sent, and the page it led to says it was done
      }
      // shown again without that: the sending failed or never arrived; what was typed stays
      store.removeItem(key + SENT);
      restore(form);
      save(form);
      form.addEventListener('input', function () { save(form); });
      form.addEventListener('change', function () { save(form); });
    });
    // a form sent from this tab that the page no longer shows was accepted
    for (var i = store.length - 1; i >= 0; i--) {
      var name = store.key(i);
      if (name && name.indexOf(PREFIX) === 0 && name.slice(-SENT.length) === SENT) {
        var key = name.slice(0, -SENT.length);
        if (!shown[key]) {
          forget(key);
        }
      }
    }
  });

  // sent: on the document, after ruxue.js, so that a question answered "no" sends nothing
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var store = storage();
    if (store && !event.defaultPrevented && form.matches && form.matches('form[data-keep-typed]')) {
      save(form);
      store.setItem(keyOf(form) + SENT, '1');
    }
  });

  // signing out, or someone signing in, leaves nothing typed behind in the tab
  document.addEventListener('submit', function (event) {
    var action = event.target.getAttribute && event.target.getAttribute('action');
    var store = storage();
    if (store && action && /\/(logout|login|login\/family)$/.test(new URL(action, window.location.href).pathname)) {
      for (var i = store.length - 1; i >= 0; i--) {
        var name = store.key(i);
        if (name && name.indexOf(PREFIX) === 0) {
          store.removeItem(name);
        }
      }
    }
  });
}());
