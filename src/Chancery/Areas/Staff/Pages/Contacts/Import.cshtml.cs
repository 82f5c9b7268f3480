using System.Text;
using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Contacts.Import;
using Chancery.Domain.Missions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Contacts;

/// <summary>Upload, preview (what will be created, updated, left alone, and every bad cell), then confirm.</summary>
public sealed class ImportModel(ChanceryDb db, ContactImporter importer, MissionScope scope, ImportLimits limits, TimeProvider clock) : PageModel
{
    public ImportReport? Report { get; private set; }
    public Guid? PendingId { get; private set; }
    public string? FileName { get; private set; }
    public string? FileError { get; private set; }
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
        catch (DomainException e)
        {
            FileError = e.Message;
            return Page();
        }
        var (content, sheet) = (upload.Content, upload.Sheet);
        FileName = upload.FileName;
        Report = await importer.RunAsync(scope.Current!.MissionId, sheet, apply: false);
        if (Report.IsValid)
        {
            // Yesterday's abandoned previews go when a new one comes.
            var stale = clock.GetUtcNow().AddDays(-1);
            await db.PendingImports.Where(p => p.UploadedAt < stale).ExecuteDeleteAsync();
            var pending = new PendingImport { MissionId = scope.Current.MissionId, FileName = FileName, Content = content, UploadedBy = scope.UserId, UploadedAt = clock.GetUtcNow() };
            db.PendingImports.Add(pending);
            await db.SaveChangesAsync();
            PendingId = pending.Id;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid pendingId)
    {
        if (await db.PendingImports.AsTracking().FirstOrDefaultAsync(p => p.Id == pendingId) is not { } pending)
        {
            return NotFound();
        }
        FileName = pending.FileName;
        Sheet sheet;
        try
        {
            sheet = importer.Read(pending.Content, pending.FileName).Sheet;
        }
        catch (DomainException e)
        {
            FileError = e.Message;
            return Page();
        }
        Report = await importer.RunAsync(pending.MissionId, sheet, apply: true, fileName: pending.FileName);
        if (!Report.IsValid)
        {
            return Page(); // the directory changed since the preview in a way that makes a row bad
        }
        db.PendingImports.Remove(pending);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Imported {pending.FileName}: {Report.Created} created, {Report.Updated} updated, {Report.Unchanged} unchanged.";
        return Redirect("/staff/contacts");
    }

    public IActionResult OnGetTemplate()
    {
        var csv = string.Join(",", ImportColumns.All) + "\n" +
            "Embassy of Finland,Embassy,Finland,H.E.,Aino,Virtanen,Head of Mission,Ambassador Extraordinary and Plenipotentiary,Ambassador,2020-09-14T10:30,aino.virtanen@example.org,+86 10 0000 0000,fi,Diplomatic corps,heads-of-mission\n";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", "chancery-contacts-template.csv");
    }
}
