// The print button of the print views (inline handlers are not allowed by the Content-Security-Policy).
document.querySelectorAll("[data-print]").forEach(function (b) { b.addEventListener("click", function () { window.print(); }); });

// Place cards: a card whose name does not fit on a face is set smaller, a tenth at a time, until both faces fit —
// both faces at one size, so the card reads alike from either side — and no name is ever cut off, whatever its
// script or length. Run again when the fonts arrive and before printing. A card that still cannot fit is marked.
(function () {
    const cards = Array.from(document.querySelectorAll(".card")).filter(function (c) { return c.querySelector("[data-fit]"); });
    if (cards.length === 0) {
        return;
    }
    function overflows(face) {
        return face.scrollHeight > face.clientHeight + 1 || face.scrollWidth > face.clientWidth + 1;
    }
    function fit() {
        cards.forEach(function (card) {
            const faces = Array.from(card.querySelectorAll("[data-fit]"));
            const texts = faces.flatMap(function (f) { return Array.from(f.children); });
            texts.forEach(function (t) { t.style.fontSize = ""; });
            const base = texts.map(function (t) { return parseFloat(getComputedStyle(t).fontSize); });
            let scale = 1;
            while (faces.some(overflows) && scale > 0.25) {
                scale *= 0.9;
                texts.forEach(function (t, i) { t.style.fontSize = (base[i] * scale) + "px"; });
            }
            card.dataset.fitted = faces.some(overflows) ? "overflow" : "yes";
        });
        document.documentElement.dataset.fitted = "yes";
    }
    fit();
    if (document.fonts && document.fonts.ready) {
        document.fonts.ready.then(fit);
    }
    window.addEventListener("beforeprint", fit);
})();
