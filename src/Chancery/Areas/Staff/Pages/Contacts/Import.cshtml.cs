using System.Text;
using Chancery.Domain.Contacts;
using Chancery.Domain.Contacts.Import;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Areas.Staff.Pages.Contacts;

/// <summary>Upload, preview (what will be created, updated, left alone, and every bad cell), then confirm.</summary>
public sealed class ImportModel(ContactImporter importer, ImportPreviews previews, MissionScope scope, ImportLimits limits) : PageModel
{
    public ImportReport? Report { get; private set; }
    public Guid? PendingId { get; private set; }
    public string? FileName { get; private set; }
    public long MaxFileBytes => limits.MaxFileBytes;
    public int MaxRows => limits.MaxRows;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        ContactImporter.ImportFile upload;
        try
        {
            await using var stream = file?.OpenReadStream();
            upload = await importer.ReadAsync(stream, file?.Length ?? 0, file?.FileName, HttpContext.RequestAborted);
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, "");
            return Page();
        }
        FileName = upload.FileName;
        (Report, PendingId) = await previews.PreviewAsync(scope.Current!.MissionId, upload, scope.UserId, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid pendingId)
    {
        (ImportReport Report, string FileName)? done;
        try
        {
            done = await previews.ConfirmAsync(pendingId, HttpContext.RequestAborted);
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e, "");
            return Page();
        }
        if (done is not { } imported)
        {
            return NotFound();
        }
        (Report, FileName) = imported;
        if (!Report.IsValid)
        {
            return Page(); // the directory changed since the preview in a way that makes a row bad
        }
        TempData["Notice"] = $"Imported {FileName}: {Report.Created} created, {Report.Updated} updated, {Report.Unchanged} unchanged.";
        return Redirect("/staff/contacts");
    }

    public IActionResult OnGetTemplate()
    {
        var csv = string.Join(",", ImportColumns.All) + "\n" +
            "Embassy of Finland,Embassy,Finland,H.E.,Aino,Virtanen,Head of Mission,Ambassador Extraordinary and Plenipotentiary,Ambassador,2020-09-14T10:30,aino.virtanen@example.org,+86 10 0000 0000,fi,Diplomatic corps,heads-of-mission\n";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", "chancery-contacts-template.csv");
    }
}
