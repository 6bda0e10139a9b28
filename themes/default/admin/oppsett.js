// Tells the editor to wait for innkjop.js, which registers the supplier list format first.
window.CMS_MANUAL_INIT = true;
