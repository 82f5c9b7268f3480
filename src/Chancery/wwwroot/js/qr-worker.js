// Reads QR codes off camera frames where the browser has no BarcodeDetector (most desktops, iPhones), away from the
// page's thread so the door page stays responsive. jsQR (Apache-2.0) is vendored in /lib/jsqr.
/* global jsQR */
importScripts("/lib/jsqr/jsQR.js");
self.onmessage = function (e) {
    let text = null;
    try {
        const code = jsQR(e.data.pixels, e.data.width, e.data.height, { inversionAttempts: "attemptBoth" });
        text = code ? code.data : null;
    } catch (error) {
        text = null; // an unreadable frame is no code: the next frame is tried
    }
    self.postMessage(text);
};
