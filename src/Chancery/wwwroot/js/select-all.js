// A header box that ticks every row box of the same name (shown only when script runs; without it, tick rows one by one).
document.querySelectorAll("input[data-select-all]").forEach(function (all) {
    const name = all.dataset.selectAll;
    all.hidden = false;
    all.addEventListener("change", function () {
        document.querySelectorAll("input[type=checkbox][name='" + name + "']").forEach(function (box) { box.checked = all.checked; });
    });
});
