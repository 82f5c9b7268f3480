// The print button of the print views (inline handlers are not allowed by the Content-Security-Policy).
document.querySelectorAll("[data-print]").forEach(function (b) { b.addEventListener("click", function () { window.print(); }); });

// Place cards: a face whose name does not fit is set smaller, a point at a time, until it does: no name is ever cut
// off, whatever its script or length. Run again when the fonts arrive and before printing (the page's size changes).
(function () {
    const faces = Array.from(document.querySelectorAll("[data-fit]"));
    if (faces.length === 0) {
        return;
    }
    function overflows(face) {
        return face.scrollHeight > face.clientHeight + 1 || face.scrollWidth > face.clientWidth + 1;
    }
    function fit() {
        faces.forEach(function (face) {
            const texts = Array.from(face.children);
            texts.forEach(function (t) { t.style.fontSize = ""; });
            let guard = 40;
            while (overflows(face) && guard-- > 0) {
                texts.forEach(function (t) {
                    const size = parseFloat(getComputedStyle(t).fontSize);
                    t.style.fontSize = Math.max(6, size * 0.9) + "px";
                });
            }
            face.dataset.fitted = overflows(face) ? "overflow" : "yes";
        });
        document.documentElement.dataset.fitted = "yes";
    }
    fit();
    if (document.fonts && document.fonts.ready) {
        document.fonts.ready.then(fit);
    }
    window.addEventListener("beforeprint", fit);
})();
