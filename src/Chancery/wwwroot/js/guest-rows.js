// The guest list saves each row as its fields change, so no edit waits on a button (before this, saving one row
// reloaded the page and dropped an answer changed on another). A row with an edit not yet sent is marked, and
// leaving the page then asks first; leaving by another form or link of the page sends such edits on their way
// first (they complete even as the page goes). Without script, each row's Save button still saves that row.
(function () {
    const forms = Array.from(document.querySelectorAll("form[data-autosave]"));
    if (forms.length === 0) {
        return;
    }
    const edits = new Map();   // form → edits made so far
    const sent = new Map();    // form → edits included in the last save that succeeded or is on its way
    const sending = new Map(); // form → true while a save is on its way, "again" if another is due after it
    const replies = new Map(); // form → the server's last reply to a save: the answer it recorded, and what to say
    let countsSeen = 0;
    let countsAsked = 0;

    function unsent(form) {
        return (edits.get(form) || 0) > (sent.get(form) || 0);
    }

    function show(form, text, failed) {
        const state = form.querySelector(".save-state");
        state.textContent = text;
        state.classList.toggle("failed", !!failed);
        const pending = unsent(form) || !!failed;
        form.closest("tr").classList.toggle("unsaved", pending);
        // "Save now" only on a row that has been changed: on every untouched row it read as work left undone. Once
        // shown it stays, so that it does not move from under a pointer while the row's change saves itself.
        if (pending) {
            form.querySelector("button[type=submit]").hidden = false;
        }
    }

    function updateCounts(counts, asked) {
        if (asked < countsSeen) {
            return; // an older answer arriving after a newer one
        }
        countsSeen = asked;
        Object.keys(counts).forEach(function (key) {
            const el = document.querySelector("[data-count='" + key + "']");
            if (el) {
                el.textContent = counts[key];
            }
        });
        const word = document.querySelector("[data-count-word='partners']");
        if (word) {
            word.textContent = counts.partners === 1 ? word.dataset.one : word.dataset.many;
        }
    }

    function failureOf(response) {
        // Signed out or no longer allowed: the server answers 401/403 to a script rather than a sign-in page.
        if (response.status === 401 || response.redirected) {
            return Promise.resolve("You are signed out. Sign in again in another tab; your change is kept here and sent when you press Save now.");
        }
        if (response.status === 403) {
            return Promise.resolve("Your role may no longer change this guest list.");
        }
        if (response.status === 404) {
            return Promise.resolve("This guest is no longer on the list; reload the page.");
        }
        return response.json().then(function (problem) {
            // Problem details: each field's message where the refusal names fields, else its one line.
            const fields = problem.errors ? Object.keys(problem.errors).map(function (k) { return problem.errors[k].join(" "); }) : [];
            return fields.join(" ") || problem.detail || problem.title || "The server refused it.";
        }, function () {
            return "The server answered " + response.status + ".";
        });
    }

    // One save at a time per row; a change made while one is on its way is sent after it, with every field as it then is.
    function save(form, leaving) {
        if (sending.get(form) && !leaving) {
            sending.set(form, "again");
            return;
        }
        const including = edits.get(form) || 0;
        const asked = ++countsAsked;
        sending.set(form, true);
        if (leaving) {
            sent.set(form, including); // on its way as the page goes: nothing more to warn about
        }
        show(form, "Saving…");
        fetch(form.action, {
            method: "POST",
            body: new FormData(form),
            headers: { "Accept": "application/json", "X-Requested-With": "XMLHttpRequest" },
            credentials: "same-origin",
            keepalive: !!leaving,
        })
            .then(function (response) {
                const json = (response.headers.get("content-type") || "").indexOf("application/json") >= 0;
                if (response.ok && json && !response.redirected) {
                    return response.json().then(function (reply) {
                        updateCounts(reply, asked);
                        replies.set(form, reply);
                        return null;
                    });
                }
                return failureOf(response);
            })
            .catch(function () {
                return "No connection. Your change is kept here; it is sent again when you change the row or press Save now.";
            })
            .then(function (failure) {
                const again = sending.get(form) === "again";
                sending.delete(form);
                if (failure) {
                    if (!leaving) {
                        sent.set(form, Math.min(sent.get(form) || 0, including - 1));
                    }
                    show(form, "Not saved: " + failure, true);
                } else {
                    sent.set(form, Math.max(sent.get(form) || 0, including));
                    const reply = replies.get(form) || {};
                    // The server may have put a yes on the waiting list (the event is full): the row says so.
                    const answer = document.querySelector("[form='" + form.id + "'][name='rsvp']");
                    if (answer && reply.answer && !unsent(form)) {
                        answer.value = reply.answer;
                    }
                    show(form, unsent(form) ? "Not saved yet" : (reply.notice || "Saved"));
                }
                if (again || (!failure && unsent(form))) {
                    save(form);
                }
            });
    }

    forms.forEach(function (form) {
        const button = form.querySelector("button[type=submit]");
        button.textContent = "Save now";
        button.setAttribute("aria-label", (button.getAttribute("aria-label") || "Save").replace(/^Save/, "Save now"));
        button.classList.add("secondary");
        button.hidden = true;
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            edits.set(form, (edits.get(form) || 0) + 1);
            save(form);
        });
        document.querySelectorAll("[form='" + form.id + "']").forEach(function (field) {
            field.addEventListener("input", function () {
                edits.set(form, (edits.get(form) || 0) + 1);
                show(form, "Not saved yet");
            });
            field.addEventListener("change", function () {
                edits.set(form, (edits.get(form) || 0) + 1);
                save(form);
            });
        });
    });

    // Leaving through the page itself (bulk change, remove, add, a pager or filter link): send what is typed first.
    function sendAllBeforeLeaving() {
        forms.filter(unsent).forEach(function (form) { save(form, true); });
    }
    document.addEventListener("submit", function (event) {
        if (!event.target.hasAttribute("data-autosave")) {
            sendAllBeforeLeaving();
        }
    }, true);
    document.addEventListener("click", function (event) {
        if (event.target.closest && event.target.closest("a[href]")) {
            sendAllBeforeLeaving();
        }
    }, true);
    window.addEventListener("pagehide", sendAllBeforeLeaving);
    window.addEventListener("beforeunload", function (event) {
        if (forms.some(unsent)) {
            event.preventDefault();
            event.returnValue = "";
        }
    });
})();
