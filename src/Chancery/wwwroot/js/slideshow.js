// The exhibition's slideshow (Pages/Public/Exhibitions/_Slideshow.cshtml). Every picture is fetched once, at the
// start, and kept in the page as a blob: a screen left running in a hall goes on showing the exhibition when the
// network drops. Moves on every data-seconds; ← → (and Page Up/Down) move, space pauses, F goes full screen.
(function () {
    const show = document.querySelector("[data-slideshow]");
    if (!show) {
        return;
    }
    const slides = Array.from(show.querySelectorAll(".slide"));
    const status = show.querySelector("[data-status]");
    const count = show.querySelector("[data-count]");
    const pauseButton = show.querySelector("[data-pause]");
    const seconds = Math.max(3, parseInt(show.dataset.seconds, 10) || 10);
    let current = 0;
    let timer = null;

    function display(index) {
        current = (index + slides.length) % slides.length;
        slides.forEach(function (s, i) { s.hidden = i !== current; });
        count.textContent = (current + 1) + " / " + slides.length;
    }
    function restart() {
        if (timer !== null) {
            clearInterval(timer);
            timer = setInterval(function () { display(current + 1); }, seconds * 1000);
        }
    }
    function go(step) {
        display(current + step);
        restart();
    }
    function togglePause() {
        if (timer === null) {
            timer = setInterval(function () { display(current + 1); }, seconds * 1000);
            pauseButton.textContent = show.dataset.pause;
            show.classList.remove("paused");
            count.setAttribute("aria-live", "off");
        } else {
            clearInterval(timer);
            timer = null;
            pauseButton.textContent = show.dataset.play;
            show.classList.add("paused");
            count.setAttribute("aria-live", "polite");
        }
    }
    function fullScreen() {
        if (document.fullscreenElement) {
            document.exitFullscreen();
        } else if (show.requestFullscreen) {
            show.requestFullscreen().catch(function () { });
        }
    }

    const pictures = Array.from(show.querySelectorAll("img[data-src]"));
    let loaded = 0;
    function progress() {
        status.textContent = loaded === pictures.length
            ? show.dataset.ready
            : show.dataset.loading.replace("{0}", loaded).replace("{1}", pictures.length);
        show.dataset.loaded = String(loaded);
    }
    progress();
    // A picture that does not come is asked for again, later and later (up to a minute apart), until it does: the
    // screen says it is ready only when every picture is in the page.
    function fetchPicture(img, wait) {
        fetch(img.dataset.src, { credentials: "same-origin" })
            .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.blob(); })
            .then(function (blob) { img.src = URL.createObjectURL(blob); loaded++; progress(); })
            .catch(function () { setTimeout(function () { fetchPicture(img, Math.min(wait * 2, 60000)); }, wait); });
    }
    pictures.forEach(function (img) { fetchPicture(img, 2000); });

    document.addEventListener("keydown", function (e) {
        if (e.altKey || e.ctrlKey || e.metaKey) {
            return;
        }
        const rtl = document.documentElement.dir === "rtl";
        switch (e.key) {
            case "ArrowRight": go(rtl ? -1 : 1); break;
            case "ArrowLeft": go(rtl ? 1 : -1); break;
            case "PageDown": case "ArrowDown": go(1); break;
            case "PageUp": case "ArrowUp": go(-1); break;
            case "Home": display(0); restart(); break;
            case "End": display(slides.length - 1); restart(); break;
            case " ": case "k": case "p": togglePause(); break;
            case "f": case "F": fullScreen(); break;
            default: return;
        }
        e.preventDefault();
    });
    show.querySelectorAll("[data-go]").forEach(function (b) {
        b.addEventListener("click", function () { go(parseInt(b.dataset.go, 10)); });
    });
    pauseButton.addEventListener("click", togglePause);
    show.querySelector("[data-fullscreen]").addEventListener("click", fullScreen);

    display(0);
    togglePause();
})();
