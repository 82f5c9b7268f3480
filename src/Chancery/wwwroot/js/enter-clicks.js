// Enter in a field marked data-enter-clicks="{button id}" presses that button rather than the form's default one
// (a search inside a larger form: Enter finds, it does not save the form).
document.querySelectorAll("[data-enter-clicks]").forEach(function (field) {
    field.addEventListener("keydown", function (e) {
        if (e.key === "Enter" && !e.isComposing) {
            const button = document.getElementById(field.dataset.enterClicks);
            if (button) {
                e.preventDefault();
                button.click();
            }
        }
    });
});
