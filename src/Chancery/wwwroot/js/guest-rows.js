// The guest list saves each row as its fields change, so no edit waits on a button (before this, saving one row
// reloaded the page and dropped an answer changed on another). A row not yet saved is marked, and leaving the page
// while one is waiting asks first. Without script, each row's Save button still saves that row.
(function () {
    const forms = Array.from(document.querySelectorAll("form[data-autosave]"));
    if (forms.length === 0) {
        return;
    }
    const waiting = new Set();

    function fieldsOf(form) {
        return Array.from(document.querySelectorAll("[form='" + form.id + "']"));
    }

    function show(form, text, failed) {
        const state = form.querySelector(".save-state");
        state.textContent = text;
        state.classList.toggle("failed", !!failed);
        form.closest("tr").classList.toggle("unsaved", waiting.has(form));
    }

    function updateCounts(counts) {
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

    // One save at a time per row; a change made while one is on its way is sent after it, with every field as it then is.
    const sending = new Map();
    function save(form) {
        if (sending.get(form)) {
            sending.set(form, "again");
            return;
        }
        sending.set(form, true);
        show(form, "Saving…");
        fetch(form.action, { method: "POST", body: new FormData(form), headers: { "Accept": "application/json" }, credentials: "same-origin" })
            .then(function (response) {
                if (response.ok) {
                    return response.json().then(function (counts) {
                        updateCounts(counts);
                        return null;
                    });
                }
                return response.json().then(function (problem) {
                    return problem.message || problem.detail || problem.title || "The server refused it.";
                }, function () {
                    return response.status === 404 ? "This guest is no longer on the list; reload the page." : "The server answered " + response.status + ".";
                });
            }, function () {
                return "No connection. Your change is kept here; it is sent again when you change the row or press Save.";
            })
            .then(function (failure) {
                const again = sending.get(form) === "again";
                sending.delete(form);
                if (again) {
                    save(form);
                    return;
                }
                if (failure) {
                    show(form, "Not saved: " + failure, true);
                } else {
                    waiting.delete(form);
                    show(form, "Saved");
                }
            });
    }

    forms.forEach(function (form) {
        const button = form.querySelector("button[type=submit]");
        button.textContent = "Save now";
        button.setAttribute("aria-label", (button.getAttribute("aria-label") || "Save").replace(/^Save/, "Save now"));
        button.classList.add("secondary");
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            waiting.add(form);
            save(form);
        });
        fieldsOf(form).forEach(function (field) {
            field.addEventListener("input", function () {
                waiting.add(form);
                show(form, "Not saved yet");
            });
            field.addEventListener("change", function () {
                waiting.add(form);
                save(form);
            });
        });
    });

    window.addEventListener("beforeunload", function (event) {
        if (waiting.size > 0) {
            event.preventDefault();
            event.returnValue = "";
        }
    });
})();
