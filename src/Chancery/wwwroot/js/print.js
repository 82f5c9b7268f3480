// The print button of the print views (inline handlers are not allowed by the Content-Security-Policy).
document.querySelectorAll("[data-print]").forEach(function (b) { b.addEventListener("click", function () { window.print(); }); });
