// On a phone the navigation folds behind its button (Bootstrap's .navbar-toggler): the
// button shows and hides the links, without Bootstrap's script bundle (issue 12: page
// weight) and without inline script (Content-Security-Policy).
document.addEventListener('click', function (event) {
  var toggler = event.target.closest && event.target.closest('.navbar-toggler');
  if (!toggler) {
    return;
  }
  var menu = document.getElementById(toggler.getAttribute('aria-controls'));
  var open = menu.classList.toggle('show');
  toggler.setAttribute('aria-expanded', open ? 'true' : 'false');
});
