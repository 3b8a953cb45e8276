// A form that changes something irreversible asks first: <form data-confirm="...">.
document.addEventListener('submit', function (event) {
  var question = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
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
