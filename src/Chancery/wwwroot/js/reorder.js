// Drag a row of a [data-reorder] table to move it; the drop posts the same "Move" form the arrow buttons use,
// so the server stays the one place that decides the order. Without script the arrows still work.
(function () {
    const table = document.querySelector("table[data-reorder]");
    const form = document.getElementById("drag-move");
    if (!table || !form) return;
    let dragged = null;
    table.querySelectorAll("tbody tr[draggable]").forEach(function (row) {
        row.addEventListener("dragstart", function (e) {
            dragged = row;
            row.classList.add("dragging");
            e.dataTransfer.effectAllowed = "move";
            e.dataTransfer.setData("text/plain", row.dataset.item);
        });
        row.addEventListener("dragend", function () { row.classList.remove("dragging"); dragged = null; });
        row.addEventListener("dragover", function (e) { if (dragged && dragged !== row) { e.preventDefault(); row.classList.add("drop-target"); } });
        row.addEventListener("dragleave", function () { row.classList.remove("drop-target"); });
        row.addEventListener("drop", function (e) {
            e.preventDefault();
            row.classList.remove("drop-target");
            if (!dragged || dragged === row) return;
            form.elements["item"].value = dragged.dataset.item;
            form.elements["position"].value = row.dataset.position;
            form.submit();
        });
    });
})();
