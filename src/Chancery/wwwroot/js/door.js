// The door when the network drops. Online, each scan goes to the server as the page's own forms would send it (the
// answer replaces the page's door part). When a request cannot get through, this device decides: a signed code is
// verified with the event's public key (WebCrypto), a typed code is found by its hash, a name in the downloaded list;
// the scan is queued in IndexedDB with its nonce and the time it was made, and the queue is uploaded whole when the
// network is back. Two stations that let in the same person offline both keep their scan: the server flags it.
// What a device holds is only what the door shows (no e-mail, phone, note or typed code itself), and it is deleted
// at sign-out and a day after the event starts.
(function () {
    "use strict";
    const door = document.querySelector("[data-door]");
    if (!door || !window.indexedDB || !window.crypto || !window.crypto.subtle) {
        return; // no storage or no WebCrypto (a plain-HTTP address): the page still works online
    }
    const eventId = door.dataset.event;
    const station = door.dataset.station || "";
    const banner = door.querySelector(".door-offline");
    const STORE = "chancery-door";
    const TIMEOUT = 4000;
    let data = null;        // the event's door data, as downloaded
    let publicKey = null;   // CryptoKey
    let inside = new Map(); // "guestId:companion" -> { at, station }: who this device knows is in
    let offline = !navigator.onLine;
    let uploading = false;
    let lastUpload = "";

    // ---- IndexedDB -------------------------------------------------------------------------------------------
    function openStore() {
        return new Promise(function (resolve, reject) {
            const request = indexedDB.open(STORE, 1);
            request.onupgradeneeded = function () {
                const db = request.result;
                db.createObjectStore("events", { keyPath: "eventId" });
                db.createObjectStore("queue", { keyPath: "nonce" }).createIndex("eventId", "eventId");
            };
            request.onsuccess = function () { resolve(request.result); };
            request.onerror = function () { reject(request.error); };
        });
    }
    function run(mode, stores, work) {
        return openStore().then(function (db) {
            return new Promise(function (resolve, reject) {
                const tx = db.transaction(stores, mode);
                const result = work(tx);
                tx.oncomplete = function () { db.close(); resolve(result instanceof IDBRequest ? result.result : result); };
                tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
            });
        });
    }
    const queued = function () {
        return run("readonly", ["queue"], function (tx) { return tx.objectStore("queue").index("eventId").getAll(eventId); });
    };

    // ---- the event's data --------------------------------------------------------------------------------------
    function fromBase64(text) {
        const plain = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
        const bytes = new Uint8Array(plain.length);
        for (let i = 0; i < plain.length; i++) {
            bytes[i] = plain.charCodeAt(i);
        }
        return bytes;
    }
    function hex(bytes) {
        return Array.from(bytes, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
    }
    function guid(bytes) {
        const h = hex(bytes);
        return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
    }
    function fold(text) {
        return (text || "").normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
    }

    function use(download) {
        data = download;
        inside = new Map();
        data.guests.forEach(function (g) {
            if (g.checkedInAt) {
                inside.set(g.id + ":0", { at: g.checkedInAt, station: "" });
            }
        });
        return crypto.subtle.importKey("spki", fromBase64(data.publicKey), { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"])
            .then(function (key) { publicKey = key; door.dataset.offlineReady = "true"; })
            .then(queued)
            .then(function (scans) {
                scans.forEach(function (s) {
                    if (s.admitted) {
                        inside.set(s.admitted, { at: s.scannedAt, station: s.station });
                    }
                });
            });
    }

    function download() {
        return fetchWithin(door.dataset.dataUrl, { credentials: "same-origin", cache: "no-store" })
            .then(function (response) {
                if (!response.ok || response.redirected) {
                    throw new Error("no door data");
                }
                return response.json();
            })
            .then(function (fresh) {
                return run("readwrite", ["events"], function (tx) { tx.objectStore("events").put(fresh); }).then(function () { return use(fresh); });
            });
    }

    function loadKept() {
        return run("readonly", ["events"], function (tx) { return tx.objectStore("events").get(eventId); })
            .then(function (kept) { return kept ? use(kept) : null; });
    }

    // A day after the event starts its data goes; a queue not yet uploaded stays until it is.
    function forgetEnded() {
        return run("readwrite", ["events"], function (tx) {
            const store = tx.objectStore("events");
            store.getAll().onsuccess = function (e) {
                e.target.result.forEach(function (kept) {
                    if (Date.parse(kept.keepUntil) < Date.now()) {
                        store.delete(kept.eventId);
                    }
                });
            };
        });
    }

    // ---- deciding on this device ------------------------------------------------------------------------------
    function normalizeTyped(text) {
        const plain = text.toUpperCase().replace(/[^A-Z0-9]/g, "");
        return plain.length === 12 ? plain.slice(0, 4) + "-" + plain.slice(4, 8) + "-" + plain.slice(8) : plain;
    }

    // Whom the code names: { guest, companion } or { reason }.
    function read(code) {
        if (code.indexOf("CH1.") === 0) {
            let bytes;
            try {
                bytes = fromBase64(code.slice(4));
            } catch (e) {
                return Promise.resolve({ reason: "notOnList" });
            }
            if (bytes.length !== 98 || bytes[0] !== 1) {
                return Promise.resolve({ reason: "notOnList" });
            }
            return crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, publicKey, bytes.slice(34), bytes.slice(0, 34)).then(function (valid) {
                if (guid(bytes.slice(1, 17)) !== eventId) {
                    return { reason: "wrongEvent" };
                }
                const guest = valid && data.guests.find(function (g) { return g.id === guid(bytes.slice(17, 33)); });
                return guest ? { guest: guest, companion: bytes[33] } : { reason: "notOnList" };
            });
        }
        const typed = normalizeTyped(code);
        return crypto.subtle.digest("SHA-256", new TextEncoder().encode(eventId + ":" + typed)).then(function (digest) {
            const hash = hex(new Uint8Array(digest));
            for (const g of data.guests) {
                const n = g.typedCodeHashes.indexOf(hash);
                if (n >= 0) {
                    return { guest: g, companion: n };
                }
            }
            return { reason: "notOnList" };
        });
    }

    function decide(found) {
        if (!found.guest) {
            return { result: found.reason === "wrongEvent" ? "wrong-event" : "unknown" };
        }
        const g = found.guest;
        if (g.rsvp === "declined" || g.rsvp === "waitlisted") {
            return { result: "declined", guest: g, companion: found.companion, reason: g.rsvp };
        }
        if (found.companion > g.plusOnes) {
            return { result: "declined", guest: g, companion: found.companion, reason: "companionNotExpected" };
        }
        const key = g.id + ":" + found.companion;
        const known = inside.get(key);
        if (known) {
            return { result: "already", guest: g, companion: found.companion, at: known.at, station: known.station };
        }
        return { result: "admitted", guest: g, companion: found.companion, key: key };
    }

    const headlines = {
        admitted: "Welcome — admitted",
        already: "Already checked in",
        declined: "Declined the invitation",
        waitlisted: "On the waiting list — no place yet",
        companionNotExpected: "This companion was not announced",
        "wrong-event": "Another event's invitation",
        unknown: "Not on the list",
    };

    function line(parent, text, css) {
        const p = document.createElement("p");
        if (css) {
            p.className = css;
        }
        p.dir = "auto";
        p.textContent = text;
        parent.appendChild(p);
        return p;
    }

    function show(answer) {
        const section = document.createElement("section");
        section.className = "door-answer " + answer.result;
        section.setAttribute("role", "status");
        section.setAttribute("aria-live", "assertive");
        const h1 = document.createElement("h1");
        h1.textContent = headlines[answer.result === "declined" && answer.reason !== "declined" ? answer.reason : answer.result];
        section.appendChild(h1);
        line(section, "Offline: decided on this device; sent to the server when the network is back.", "door-offline-mark");
        const g = answer.guest;
        if (g) {
            line(section, (answer.companion > 0 ? "Companion " + answer.companion + " of " : "") + g.displayName, "door-name");
            if (g.latinName) {
                line(section, g.latinName, "door-latin");
            }
            if (g.organization) {
                line(section, g.organization);
            }
            if (answer.result === "admitted") {
                if (g.partner) {
                    line(section, "With " + g.partner);
                }
                if (g.plusOnes > 0 && answer.companion === 0) {
                    line(section, g.plusOnes + (g.plusOnes === 1 ? " companion" : " companions") + " announced");
                }
            }
            if (answer.result === "already") {
                line(section, "At " + new Date(answer.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + (answer.station ? " by " + answer.station : ""));
            }
        }
        const old = door.querySelector(".door-answer, .door-matches-offline, .notice");
        if (old) {
            old.remove();
        }
        door.querySelector(".door-scan").before(section);
    }

    function nonce() {
        return hex(crypto.getRandomValues(new Uint8Array(16)));
    }

    function queue(scan) {
        return run("readwrite", ["queue"], function (tx) { tx.objectStore("queue").put(scan); }).then(updateBanner);
    }

    function scanOffline(code, scanNonce) {
        if (!data) {
            return Promise.reject(new Error("This station has no list for offline use yet: it downloads one while online."));
        }
        return read(code).then(decide).then(function (answer) {
            show(answer);
            if (answer.key) {
                inside.set(answer.key, { at: new Date().toISOString(), station: station });
            }
            return queue({ nonce: scanNonce, eventId: eventId, code: code, guestId: null, station: station, scannedAt: new Date().toISOString(), admitted: answer.key || null });
        });
    }

    function admitOffline(guestId, scanNonce) {
        const g = data && data.guests.find(function (x) { return x.id === guestId; });
        if (!g) {
            return Promise.reject(new Error("That guest is not in this station's list."));
        }
        const answer = decide({ guest: g, companion: 0 });
        show(answer);
        if (answer.key) {
            inside.set(answer.key, { at: new Date().toISOString(), station: station });
        }
        return queue({ nonce: scanNonce, eventId: eventId, code: null, guestId: guestId, station: station, scannedAt: new Date().toISOString(), admitted: answer.key || null });
    }

    function findOffline(text) {
        const key = fold(text);
        const list = document.createElement("ul");
        list.className = "door-matches door-matches-offline";
        const matches = key ? data.guests.filter(function (g) { return g.search.indexOf(key) >= 0; }).slice(0, 20) : [];
        matches.forEach(function (g) {
            const li = document.createElement("li");
            const name = document.createElement("span");
            const bdi = document.createElement("bdi");
            bdi.textContent = g.displayName;
            name.appendChild(bdi);
            if (g.organization) {
                const small = document.createElement("small");
                small.className = "muted";
                small.textContent = " · " + g.organization;
                name.appendChild(small);
            }
            const button = document.createElement("button");
            button.type = "button";
            button.textContent = "Admit";
            button.setAttribute("aria-label", "Admit " + g.displayName);
            button.addEventListener("click", function () {
                admitOffline(g.id, nonce()).catch(problem);
            });
            li.append(name, button);
            list.appendChild(li);
        });
        if (matches.length === 0) {
            const li = document.createElement("li");
            li.textContent = "Nobody on this station's list by that name.";
            list.appendChild(li);
        }
        door.querySelectorAll(".door-matches").forEach(function (ul) { ul.remove(); });
        door.querySelector(".door-find").after(list);
    }

    // ---- online, and falling back ------------------------------------------------------------------------------
    function fetchWithin(url, options) {
        if (!navigator.onLine) {
            return Promise.reject(new TypeError("offline"));
        }
        const abort = new AbortController();
        const timer = setTimeout(function () { abort.abort(); }, TIMEOUT);
        return fetch(url, Object.assign({ signal: abort.signal }, options)).finally(function () { clearTimeout(timer); });
    }

    function swap(html) {
        const next = new DOMParser().parseFromString(html, "text/html").querySelector("[data-door]");
        if (!next) {
            return;
        }
        Array.from(door.children).forEach(function (child) {
            if (child !== banner && !("keep" in child.dataset)) {
                child.remove(); // the banner and the camera (door-camera.js) stay
            }
        });
        Array.from(next.children).forEach(function (child) {
            if (!child.classList.contains("door-offline")) {
                door.appendChild(child);
            }
        });
        // What the server just said about who is in, for when the network drops.
        const admitted = door.querySelector(".door-answer.admitted .door-undo");
        if (admitted) {
            inside.set(admitted.querySelector("[name=guest]").value + ":" + admitted.querySelector("[name=companion]").value, { at: new Date().toISOString(), station: station });
        }
    }

    function setOffline(now) {
        offline = now;
        updateBanner();
    }

    function problem(error) {
        const p = document.createElement("p");
        p.className = "notice";
        p.setAttribute("role", "alert");
        p.textContent = error.message || String(error);
        const old = door.querySelector(".door-answer, .notice");
        if (old) {
            old.remove();
        }
        door.querySelector(".door-scan").before(p);
    }

    // Ready for the next wedge scan or typed code; not while the camera reads (a phone would open its keyboard over it).
    function focusCode() {
        const input = door.querySelector(".door-scan input[name=code]");
        if (input) {
            input.value = "";
            if (!door.querySelector(".door-camera video:not([hidden])")) {
                input.focus();
            }
        }
    }

    document.addEventListener("submit", function (e) {
        const form = e.target;
        if (!door.contains(form) || form.classList.contains("door-station")) {
            return;
        }
        e.preventDefault();
        const isFind = form.classList.contains("door-find");
        const body = new FormData(form);
        const scanNonce = nonce();
        if (body.has("nonce")) {
            body.set("nonce", scanNonce); // the same nonce goes with the queued copy: a request that did get through is not admitted twice
        }
        const request = isFind
            ? fetchWithin(form.action + (form.action.indexOf("?") < 0 ? "?" : "&") + new URLSearchParams(body).toString(), { credentials: "same-origin" })
            : fetchWithin(form.action, { method: "POST", body: body, credentials: "same-origin" });
        request.then(function (response) {
            if (response.redirected && /\/account\//.test(response.url)) {
                window.location.href = response.url; // signed out meanwhile: sign in again
                return;
            }
            return response.text().then(function (html) {
                setOffline(false);
                swap(html);
                focusCode();
                upload();
            });
        }).catch(function () {
            setOffline(true);
            const work = isFind ? Promise.resolve(data ? findOffline(body.get("find")) : problem(new Error("This station has no list for offline use yet.")))
                : form.classList.contains("door-scan") ? scanOffline(String(body.get("code") || "").trim(), scanNonce)
                : body.has("guest") && !form.classList.contains("door-undo") ? admitOffline(String(body.get("guest")), scanNonce)
                : Promise.reject(new Error(body.has("lastName")
                    ? "Walk-ins are entered online: write the name down, let them in, and enter it when the network is back."
                    : "Undoing an admission needs the network: try again when it is back."));
            work.catch(problem).then(focusCode);
        });
    }, true);

    // ---- the queue, uploaded whole -----------------------------------------------------------------------------
    function updateBanner() {
        return queued().then(function (scans) {
            const waiting = scans.length;
            const parts = [];
            if (offline) {
                parts.push(data ? "OFFLINE — admitting from this device's list (" + data.guests.length + " guests)." : "OFFLINE — and no list on this device: write names down.");
            }
            if (waiting > 0) {
                parts.push(waiting + (waiting === 1 ? " scan" : " scans") + " waiting to be sent.");
            }
            if (!offline && lastUpload) {
                parts.push(lastUpload);
            }
            banner.textContent = parts.join(" ");
            banner.hidden = parts.length === 0;
            banner.classList.toggle("is-offline", offline);
        }).catch(function () { /* storage unavailable: nothing to show */ });
    }

    function token() {
        const input = document.querySelector("input[name=__RequestVerificationToken]");
        return input ? input.value : "";
    }

    function upload() {
        if (uploading) {
            return Promise.resolve();
        }
        uploading = true;
        return queued().then(function (scans) {
            if (scans.length === 0) {
                return null;
            }
            scans.sort(function (a, b) { return a.scannedAt < b.scannedAt ? -1 : 1; });
            return fetchWithin(door.dataset.uploadUrl, {
                method: "POST",
                credentials: "same-origin",
                headers: { "Content-Type": "application/json", "RequestVerificationToken": token() },
                body: JSON.stringify({
                    station: station,
                    scans: scans.map(function (s) {
                        return { code: s.code, guestId: s.guestId, station: s.station, nonce: s.nonce, scannedAt: s.scannedAt, admittedOffline: !!s.admitted };
                    }),
                }),
            }).then(function (response) {
                if (!response.ok || response.redirected) {
                    throw new Error(response.status === 400 ? "The server refused this station's queue." : "Sign in again to send this station's queue.");
                }
                return response.json();
            }).then(function (results) {
                const twice = results.filter(function (r, i) { return scans[i].admitted && r.result === "alreadyCheckedIn"; }).length;
                lastUpload = "Sent " + scans.length + (scans.length === 1 ? " offline scan" : " offline scans") + "." +
                    (twice > 0 ? " " + twice + (twice === 1 ? " person let in offline was" : " people let in offline were") + " already in: the protocol officer sees them on the arrivals." : "");
                return run("readwrite", ["queue"], function (tx) {
                    scans.forEach(function (s) { tx.objectStore("queue").delete(s.nonce); });
                });
            }).then(function () {
                setOffline(false);
                return download();
            });
        }).catch(function (error) {
            if (!(error instanceof TypeError) && error.name !== "AbortError") {
                lastUpload = error.message;
            }
        }).finally(function () {
            uploading = false;
            updateBanner();
        });
    }

    // Sign-out takes the list and the queue off the device; a queue not yet sent is not dropped without asking.
    document.querySelectorAll("form[action='/account/logout']").forEach(function (form) {
        form.addEventListener("submit", function (e) {
            e.preventDefault();
            queued().catch(function () { return []; }).then(function (scans) {
                if (scans.length > 0 && !window.confirm(scans.length + " scans have not been sent yet. Sign out and lose them?")) {
                    return;
                }
                const done = function () { form.submit(); };
                const request = indexedDB.deleteDatabase(STORE);
                request.onsuccess = request.onerror = request.onblocked = done;
            });
        });
    });

    window.addEventListener("online", function () { upload(); });
    window.addEventListener("offline", function () { setOffline(true); });
    forgetEnded()
        .then(function () { return download().catch(loadKept); })
        .catch(function () { /* no list: online scanning still works */ })
        .then(function () { return upload(); })
        .then(updateBanner);
    // Fresh data while online (who came in elsewhere), and the queue sent as soon as the network answers.
    setInterval(function () {
        upload().then(function () { return offline ? null : download().catch(function () { setOffline(true); }); });
    }, 20000);
    setInterval(function () {
        queued().then(function (scans) {
            if (scans.length > 0) {
                upload();
            }
        }).catch(function () { /* storage unavailable */ });
    }, 5000);
})();
