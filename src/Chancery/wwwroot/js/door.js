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
    const TIMEOUT = 4000; // a scan: a guest is waiting
    const SLOW = 20000;   // the list, a walk-in, an undo: nobody is kept at the door by these
    let data = null;        // the event's door data, as downloaded
    let publicKey = null;   // CryptoKey
    let inside = new Map(); // "guestId:companion" -> { at, station }: who this device knows is in
    let offline = !navigator.onLine;
    let uploading = false;
    let lastUpload = "";
    let sessionEnded = false;

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
            db.onversionchange = function () { db.close(); }; // sign-out deletes the database: never hold it up
            return new Promise(function (resolve, reject) {
                try {
                    const tx = db.transaction(stores, mode);
                    const result = work(tx);
                    tx.oncomplete = function () { db.close(); resolve(result instanceof IDBRequest ? result.result : result); };
                    tx.onabort = function () { db.close(); reject(tx.error || new Error("storage aborted")); };
                } catch (error) {
                    db.close();
                    reject(error);
                }
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

    // The new list is made whole before it replaces the old: a scan decided meanwhile sees one or the other.
    function use(download) {
        const known = new Map();
        download.guests.forEach(function (g) {
            (g.admitted || []).forEach(function (n) {
                known.set(g.id + ":" + n, { at: n === 0 && g.checkedInAt ? g.checkedInAt : download.generatedAt, station: "" });
            });
        });
        let key = null;
        return crypto.subtle.importKey("spki", fromBase64(download.publicKey), { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"])
            .then(function (k) { key = k; })
            .then(queued)
            .then(function (scans) {
                scans.forEach(function (s) {
                    if (s.admitted) {
                        known.set(s.admitted, { at: s.scannedAt, station: s.station });
                    }
                });
                inside.forEach(function (value, k) {
                    if (!known.has(k) && value.learned > Date.parse(download.generatedAt) - 5000) {
                        known.set(k, value); // learned from this page's own answers since the download was made
                    }
                });
                data = download;
                publicKey = key;
                inside = known;
                door.dataset.offlineReady = "true";
            });
    }

    function download() {
        return fetchWithin(door.dataset.dataUrl, { credentials: "same-origin", cache: "no-store" }, SLOW)
            .then(function (response) {
                if (!response.ok || response.redirected) {
                    throw new Error("no door data");
                }
                return response.json();
            })
            .then(function (fresh) {
                if (offline) {
                    setOffline(false); // the server answered: back online
                }
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
            const hash = hex(new Uint8Array(digest).slice(0, 4)); // as DoorData keeps it: the first 32 bits
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
        // One who declined but was let in on a Protocol officer's decision is in: say so, as the server does.
        const admittedBefore = inside.get(g.id + ":" + found.companion);
        if ((g.rsvp === "declined" || g.rsvp === "waitlisted") && !admittedBefore) {
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
                // On the venue's clock and in 24 hours, as the online answer says it, whatever the phone's own zone and habits.
                line(section, "At " + new Date(answer.at).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: door.dataset.zone || undefined }) + (answer.station ? " by " + answer.station : ""));
            }
        }
        door.querySelectorAll(".door-answer, .door-matches-offline, .notice").forEach(function (old) { old.remove(); });
        door.querySelector(".door-scan").before(section);
    }

    function nonce() {
        return hex(crypto.getRandomValues(new Uint8Array(16)));
    }

    function queue(scan) {
        return run("readwrite", ["queue"], function (tx) { tx.objectStore("queue").put(scan); }).then(updateBanner);
    }

    function ready() {
        if (!data) {
            return new Error("This station has no list for offline use yet: it downloads one while online. Write names down.");
        }
        if (!station.trim() || station.trim().length > 100) {
            return new Error("Name this station first (Main door, Garden gate; at most 100 characters): the log says where each guest came in.");
        }
        return null;
    }

    function scanOffline(code, scanNonce, latest) {
        if (ready()) {
            return Promise.reject(ready());
        }
        if (!code) {
            return Promise.resolve();
        }
        return read(code).then(decide).then(function (answer) {
            if (!latest || latest()) {
                show(answer);
            }
            if (answer.key) {
                inside.set(answer.key, { at: new Date().toISOString(), station: station, learned: Date.now() });
            }
            return queue({ nonce: scanNonce, eventId: eventId, code: code, guestId: null, station: station, scannedAt: new Date().toISOString(), admitted: answer.key || null });
        });
    }

    function admitOffline(guestId, scanNonce, latest) {
        if (ready()) {
            return Promise.reject(ready());
        }
        const g = data.guests.find(function (x) { return x.id === guestId; });
        if (!g) {
            return Promise.reject(new Error("That guest is not in this station's list."));
        }
        const answer = decide({ guest: g, companion: 0 });
        if (!latest || latest()) {
            show(answer);
        }
        if (answer.key) {
            inside.set(answer.key, { at: new Date().toISOString(), station: station, learned: Date.now() });
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
            const buttonNonce = nonce(); // a double tap admits once, as the page's own buttons do
            button.addEventListener("click", function () {
                button.disabled = true;
                admitOffline(g.id, buttonNonce).catch(problem);
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
    // The network did not answer (no connection, no reply in time, a server error): the one failure that makes a
    // station decide on its own. Anything else is a fault to show, not a reason to go offline.
    function NetworkDown(why) {
        this.name = "NetworkDown";
        this.message = String(why);
    }
    NetworkDown.prototype = Object.create(Error.prototype);

    function fetchWithin(url, options, within) {
        if (!navigator.onLine) {
            return Promise.reject(new NetworkDown("offline"));
        }
        const abort = new AbortController();
        const timer = setTimeout(function () { abort.abort(); }, within || TIMEOUT);
        return fetch(url, Object.assign({ signal: abort.signal }, options))
            .then(function (response) {
                if (response.status >= 500) {
                    throw new NetworkDown("server error " + response.status);
                }
                return response;
            }, function (error) { throw new NetworkDown(error && error.name === "AbortError" ? "no answer in time" : error); })
            .finally(function () { clearTimeout(timer); });
    }

    // What a server answer says about who is in, for when the network drops: an admission, or one just undone.
    function learn(root) {
        const admitted = root.querySelector(".door-answer.admitted .door-undo");
        if (admitted) {
            inside.set(admitted.querySelector("[name=guest]").value + ":" + admitted.querySelector("[name=companion]").value,
                { at: new Date().toISOString(), station: station, learned: Date.now() });
        }
    }

    function swap(html) {
        const next = new DOMParser().parseFromString(html, "text/html").querySelector("[data-door]");
        if (!next) {
            return;
        }
        const typing = door.querySelector(".door-scan input[name=code]");
        const typed = typing ? typing.value : "";
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
        const input = door.querySelector(".door-scan input[name=code]");
        if (input && typed) {
            input.value = typed; // a wedge scanner typing the next code while this answer came
        }
        learn(door);
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
        door.querySelectorAll(".door-answer, .notice").forEach(function (old) { old.remove(); });
        door.querySelector(".door-scan").before(p);
        door.dispatchEvent(new CustomEvent("door:problem")); // no answer given: the camera may send the same code again
    }

    // Ready for the next wedge scan or typed code, keeping whatever was typed meanwhile; not while the camera reads
    // (a phone would open its keyboard over it).
    function focusCode() {
        const input = door.querySelector(".door-scan input[name=code]");
        if (input && !door.querySelector(".door-camera video:not([hidden])")) {
            input.focus();
        }
    }

    // One answer on screen at a time, and only the latest: a slow reply to an earlier scan never replaces the answer
    // to a later one (the camera and a wedge scanner both keep going while a request is out).
    let sequence = 0;
    let pending = 0;

    function checking() {
        const old = door.querySelector(".door-answer, .notice");
        if (old) {
            old.remove();
        }
        const p = document.createElement("p");
        p.className = "notice door-checking";
        p.setAttribute("role", "status");
        p.textContent = "Checking…";
        door.querySelector(".door-scan").before(p);
    }

    // What a form does when the server cannot be reached. The scan is decided and queued whatever else happened
    // meanwhile; its answer is shown only if no later scan was made (latest()).
    function offlineWork(form, body, scanNonce, isFind, latest) {
        if (isFind) {
            return data ? Promise.resolve(findOffline(String(body.get("find") || ""))) : Promise.reject(ready());
        }
        if (form.classList.contains("door-scan")) {
            return scanOffline(String(body.get("code") || "").trim(), scanNonce, latest);
        }
        if (body.has("guest") && !form.classList.contains("door-undo")) {
            return admitOffline(String(body.get("guest")), scanNonce, latest);
        }
        return Promise.reject(new Error(body.has("lastName")
            ? "Walk-ins are entered online: write the name down, let them in, and enter it when the network is back."
            : "Undoing an admission needs the network: try again when it is back."));
    }

    document.addEventListener("submit", function (e) {
        const form = e.target;
        if (!door.contains(form) || form.classList.contains("door-station")) {
            return;
        }
        if (form.classList.contains("door-decision") && offline) {
            // A decision is the server's to log with its reason: never taken on this device alone.
            e.preventDefault();
            problem(new Error("Letting in a guest who declined needs the network: try again when it is back, or note the name and the reason."));
            return;
        }
        e.preventDefault();
        const isFind = form.classList.contains("door-find");
        const isScan = form.classList.contains("door-scan");
        const body = new FormData(form);
        // A scan gets a nonce of its own; an "Admit" button keeps the one the page gave it (a double tap admits once
        // and answers alike). The queued copy goes with the same nonce: a request that did get through counts once.
        const scanNonce = isScan || !body.get("nonce") ? nonce() : String(body.get("nonce"));
        if (body.has("nonce")) {
            body.set("nonce", scanNonce);
        }
        const mine = ++sequence;
        const latest = function () { return mine === sequence; };
        const settle = function () {
            pending--;
            door.dataset.busy = pending > 0 ? "true" : "";
        };
        pending++;
        door.dataset.busy = "true";
        if (isScan || !isFind) {
            checking();
        }
        if (isScan) {
            form.querySelector("[name=code]").value = "";
        }
        // Known to be offline: a scan is decided here at once; the timers below find out when the network is back.
        // Only a scan that gets no answer makes the station go offline; a slow search, walk-in or undo does not.
        const isAdmission = isScan || (body.has("guest") && !form.classList.contains("door-undo"));
        const request = offline && isAdmission
            ? Promise.reject(new NetworkDown("offline"))
            : isFind
                ? fetchWithin(form.action.split("?")[0] + "?" + new URLSearchParams(body).toString(), { credentials: "same-origin" }, SLOW)
                : fetchWithin(form.action, { method: "POST", body: body, credentials: "same-origin" }, isAdmission ? TIMEOUT : SLOW);
        request.then(function (response) {
            if (response.redirected && /\/account\//.test(response.url)) {
                // Signed out meanwhile: decided here and kept, to be sent once someone signs in again.
                sessionEnded = true;
                return offlineWork(form, body, scanNonce, isFind, latest).catch(function () { /* said below */ }).then(function () {
                    problem(new Error("The session has ended: sign in again (this station's scans are kept and sent then)."));
                });
            }
            return response.text().then(function (html) {
                if (!response.ok || html.indexOf("data-door") < 0) {
                    throw new Error("The server did not answer as expected (" + response.status + "): scan again.");
                }
                setOffline(false);
                if (form.classList.contains("door-undo") && response.ok && html.indexOf("admission is undone") >= 0) {
                    inside.delete(body.get("guest") + ":" + (body.get("companion") || "0")); // not in any more: may come in again
                }
                if (latest()) {
                    swap(html);
                } else {
                    learn(new DOMParser().parseFromString(html, "text/html")); // not shown, but who is in is still worth knowing
                }
                upload();
            });
        }).catch(function (error) {
            if (!(error instanceof NetworkDown)) {
                if (latest()) {
                    problem(error);
                }
                return;
            }
            if (isAdmission || isFind) {
                setOffline(true);
            }
            return offlineWork(form, body, scanNonce, isFind, latest).catch(function (why) {
                if (latest()) {
                    problem(why);
                }
            });
        }).then(function () {
            settle();
            if (latest()) {
                door.querySelectorAll(".door-checking").forEach(function (p) { p.remove(); }); // an empty scan: nothing to say
                focusCode();
            }
        });
    }, true);

    // ---- the queue, uploaded whole -----------------------------------------------------------------------------
    function updateBanner() {
        return queued().then(function (scans) {
            const waiting = scans.length;
            const parts = [];
            if (offline) {
                parts.push(data ? "OFFLINE — admitting from this device's list (" + data.guests.length + " guests). Do not reload this page." : "OFFLINE — and no list on this device: write names down.");
            }
            if (waiting > 0) {
                parts.push(waiting + (waiting === 1 ? " scan" : " scans") + " waiting to be sent.");
            }
            if (sessionEnded) {
                parts.push("The session has ended: sign in again to send them.");
            } else if (lastUpload) {
                parts.push(lastUpload);
            }
            banner.textContent = parts.join(" ");
            banner.hidden = parts.length === 0;
            banner.classList.toggle("is-offline", offline);
            const state = document.querySelector("[data-door-online]");
            if (state) {
                state.textContent = offline ? "Offline" : "Online";
                state.classList.toggle("is-offline", offline);
            }
        }).catch(function () { /* storage unavailable: nothing to show */ });
    }

    function token() {
        const input = document.querySelector("input[name=__RequestVerificationToken]");
        return input ? input.value : "";
    }

    const CHUNK = 200;
    const UPLOAD_TIMEOUT = 45000;

    // Oldest first, in parts of CHUNK; each part is answered whole, and the next goes once it is.
    function upload() {
        if (uploading) {
            return Promise.resolve();
        }
        uploading = true;
        let more = false;
        return queued().then(function (all) {
            if (all.length === 0) {
                return null;
            }
            all.sort(function (a, b) { return a.scannedAt < b.scannedAt ? -1 : a.scannedAt > b.scannedAt ? 1 : 0; });
            const scans = all.slice(0, CHUNK);
            more = all.length > CHUNK;
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
            }, UPLOAD_TIMEOUT).then(function (response) {
                if (response.redirected || response.status === 401) {
                    sessionEnded = true;
                    throw new Error("Sign in again to send this station's queue.");
                }
                if (!response.ok) {
                    throw new Error("The server refused this station's queue (" + response.status + "); ask the protocol office.");
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
                sessionEnded = false;
                setOffline(false);
                return more ? null : download();
            });
        }).catch(function (error) {
            more = false;
            lastUpload = error instanceof NetworkDown ? "" : error.message;
        }).finally(function () {
            uploading = false;
            updateBanner();
            if (more) {
                upload();
            }
        });
    }

    // Sign-out takes the list and the queue off the device; a queue not yet sent is not dropped without asking.
    document.querySelectorAll("form[action='/account/logout']").forEach(function (form) {
        form.addEventListener("submit", function (e) {
            e.preventDefault();
            // Every event's queue on this device, not only this one's: signing out deletes them all.
            run("readonly", ["queue"], function (tx) { return tx.objectStore("queue").getAll(); }).catch(function () { return []; }).then(function (scans) {
                if (scans.length > 0 && !window.confirm(scans.length + " scans have not been sent yet. Sign out and lose them?")) {
                    return;
                }
                let gone = false;
                const done = function () {
                    if (!gone) {
                        gone = true;
                        form.submit();
                    }
                };
                const request = indexedDB.deleteDatabase(STORE);
                request.onsuccess = request.onerror = request.onblocked = done;
            });
        });
    });

    window.addEventListener("online", function () { upload().then(function () { return offline ? download().catch(function () { /* not yet */ }) : null; }); });
    window.addEventListener("offline", function () { setOffline(true); });
    forgetEnded()
        .then(function () { return download().catch(loadKept); })
        .catch(function () { /* no list: online scanning still works */ })
        .then(function () { return upload(); })
        .then(updateBanner);
    // While offline, or with a queue to send, the network is tried every few seconds; online, the list is refreshed
    // now and then (who came in at other stations).
    let turns = 0;
    setInterval(function () {
        turns++;
        queued().catch(function () { return []; }).then(function (scans) {
            return (scans.length > 0 ? upload() : Promise.resolve()).then(function () {
                // A failed refresh in the background never takes a station offline: only a scan without an answer does.
                return offline || turns % 6 === 0 ? download().catch(function () { /* tried again in a moment */ }) : null;
            });
        });
    }, 5000);
})();
