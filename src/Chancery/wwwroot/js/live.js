// A page that follows the server: every few seconds it asks for itself again and puts the new #live in place.
// Each app server reads the database, so whichever answers, the page is the same.
(function () {
    const live = document.getElementById("live");
    if (!live) {
        return;
    }
    const every = parseInt(live.dataset.live, 10) || 2000;
    function refresh() {
        fetch(window.location.href, { headers: { "X-Requested-With": "XMLHttpRequest" }, credentials: "same-origin", cache: "no-store" })
            .then(function (response) { return response.ok && !response.redirected ? response.text() : null; })
            .then(function (html) {
                if (html) {
                    const next = new DOMParser().parseFromString(html, "text/html").getElementById("live");
                    if (next) {
                        live.innerHTML = next.innerHTML;
                    }
                }
            })
            .catch(function () { /* offline for a moment: the next turn tries again */ })
            .then(function () { setTimeout(refresh, every); });
    }
    setTimeout(refresh, every);
})();
