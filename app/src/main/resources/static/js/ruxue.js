// A form that changes something irreversible asks first: <form data-confirm="...">.
document.addEventListener('submit', function (event) {
  var question = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
// A button that does something irreversible asks first: <button data-confirm="...">, for
// forms whose other buttons need no question (a district's review). Not an onclick
// attribute: the Content-Security-Policy runs no inline script, so that never asked.
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('button[data-confirm]');
  if (button && !window.confirm(button.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});
// A form that names a page instead of querying one: <form data-path="/admin/calendar/"
// data-path-field="year"> goes to /admin/calendar/2018. Here, not in an onsubmit attribute,
// because the Content-Security-Policy runs no inline script.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var path = form.getAttribute && form.getAttribute('data-path');
  if (path && !event.defaultPrevented) {
    event.preventDefault();
    window.location.href = path + encodeURIComponent(form.elements[form.getAttribute('data-path-field')].value);
  }
});
// A table wider than the screen scrolls inside its .table-responsive box; the box takes the
// keyboard's focus so that it can be scrolled without a mouse (WCAG 2.1.1). Also for tables
// that htmx swaps in.
function ruxueScrollableTables(root) {
  var boxes = (root || document).querySelectorAll('.table-responsive:not([tabindex])');
  for (var i = 0; i < boxes.length; i++) {
    boxes[i].setAttribute('tabindex', '0');
  }
}
document.addEventListener('DOMContentLoaded', function () { ruxueScrollableTables(document); });
document.addEventListener('htmx:afterSwap', function (event) { ruxueScrollableTables(event.target); });
