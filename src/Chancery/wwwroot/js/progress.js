// While a batch of invitations goes out, the bar follows it; once all are out the page reloads for each guest's status.
// Without script the bar shows where the batch stood when the page was drawn, with a link to look again.
(function () {
    const box = document.getElementById("progress");
    if (!box) {
        return;
    }
    const bar = box.querySelector("progress");
    const text = box.querySelector("[data-progress-text]");
    function poll() {
        fetch(box.dataset.url, { headers: { "Accept": "application/json", "X-Requested-With": "XMLHttpRequest" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (progress) {
                if (!progress) {
                    return; // signed out or gone: the Refresh link stays
                }
                if (progress.total === 0 || progress.done >= progress.total) {
                    window.location.reload();
                    return;
                }
                bar.max = progress.total;
                bar.value = progress.done;
                text.textContent = progress.done + " of " + progress.total;
                setTimeout(poll, 2000);
            })
            .catch(function () { setTimeout(poll, 5000); });
    }
    setTimeout(poll, 2000);
})();
