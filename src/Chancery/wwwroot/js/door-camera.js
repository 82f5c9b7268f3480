// Scanning invitations with the phone's camera. The browser's own BarcodeDetector where it has one (Android and macOS
// Chrome), else jsQR in a Web Worker (qr-worker.js). A code read is sent as if typed into the code field, so it goes
// the same way online and offline (door.js); the camera keeps looking afterwards, whatever the answer was. While an
// answer is awaited it reads nothing, and a code held in view is not sent again until another one has been read
// (or half a minute has passed): the green answer stays green.
(function () {
    "use strict";
    const door = document.querySelector("[data-door]");
    if (!door || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        return;
    }
    const SAME_CODE_PAUSE = 30000;
    const EVERY = 120;
    const panel = document.createElement("div");
    panel.className = "door-camera";
    panel.dataset.keep = "";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = "Scan with the camera";
    const video = document.createElement("video");
    video.muted = true;
    video.playsInline = true;
    video.hidden = true;
    video.setAttribute("aria-label", "Camera: hold the invitation's QR code in view");
    const status = document.createElement("p");
    status.className = "door-camera-status";
    status.setAttribute("role", "status");
    panel.append(button, video, status);
    const banner = door.querySelector(".door-offline");
    (banner ? banner.nextSibling : door.firstChild).before(panel);

    const canvas = document.createElement("canvas");
    let stream = null;
    let detector = null;
    let worker = null;
    let busy = false;
    let last = "";
    let lastAt = 0;

    // Made now, not when the camera starts: the page may have lost the network by then.
    function useWorker() {
        worker = new Worker("/js/qr-worker.js");
        worker.onmessage = function (e) { found(e.data); };
        worker.onerror = function () { busy = false; };
    }
    if ("BarcodeDetector" in window) {
        window.BarcodeDetector.getSupportedFormats().then(function (formats) {
            if (formats.indexOf("qr_code") >= 0) {
                detector = new window.BarcodeDetector({ formats: ["qr_code"] });
            } else {
                useWorker();
            }
        }).catch(useWorker);
    } else {
        useWorker();
    }
    door.addEventListener("door:problem", function () { last = ""; });

    function found(text) {
        busy = false;
        if (!text || !stream) {
            return; // nothing read, or read after the camera was stopped
        }
        const now = Date.now();
        if (text === last && now - lastAt < SAME_CODE_PAUSE) {
            return;
        }
        last = text;
        lastAt = now;
        const form = door.querySelector("form.door-scan");
        form.querySelector("[name=code]").value = text;
        form.requestSubmit();
    }

    function look() {
        if (!stream) {
            return;
        }
        if (!busy && door.dataset.busy !== "true" && (detector || worker) && video.readyState >= 2 && video.videoWidth > 0) {
            busy = true;
            if (detector) {
                detector.detect(video).then(function (codes) { found(codes.length > 0 ? codes[0].rawValue : null); }, function () { busy = false; });
            } else {
                // At most 800 pixels across: enough for a QR code held at arm's length, and quick to read.
                const scale = Math.min(1, 800 / video.videoWidth);
                canvas.width = Math.round(video.videoWidth * scale);
                canvas.height = Math.round(video.videoHeight * scale);
                const context = canvas.getContext("2d", { willReadFrequently: true });
                context.drawImage(video, 0, 0, canvas.width, canvas.height);
                const frame = context.getImageData(0, 0, canvas.width, canvas.height);
                worker.postMessage({ pixels: frame.data, width: frame.width, height: frame.height }, [frame.data.buffer]);
            }
        }
        setTimeout(look, EVERY);
    }

    function start() {
        status.textContent = "Starting the camera…";
        navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }).then(function (media) {
            stream = media;
            video.srcObject = media;
            video.hidden = false;
            button.textContent = "Stop the camera";
            status.textContent = "Hold the QR code in view.";
            return video.play();
        }).then(look).catch(function (error) {
            stop();
            status.textContent = "The camera did not start (" + (error && error.name ? error.name : "unavailable") + "): type the code, or use a scanner.";
        });
    }

    function stop() {
        if (stream) {
            stream.getTracks().forEach(function (track) { track.stop(); });
        }
        stream = null;
        busy = false;
        video.hidden = true;
        video.srcObject = null;
        button.textContent = "Scan with the camera";
        status.textContent = "";
    }

    button.addEventListener("click", function () {
        if (stream) {
            stop();
        } else {
            start();
        }
    });
    window.addEventListener("pagehide", stop);
})();
