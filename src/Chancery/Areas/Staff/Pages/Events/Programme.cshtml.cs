using Chancery.Data;
using Chancery.Domain.Events;
using Chancery.Domain.Missions;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Areas.Staff.Pages.Events;

/// <summary>The run of show: add, change, reorder (buttons, or drag with script) and remove items.</summary>
public sealed class ProgrammeModel(ChanceryDb db, EventEditor editing) : EventPage(db)
{
    public sealed record Speaker(Guid Id, string Name);

    public IReadOnlyList<ProgrammeItem> Items { get; private set; } = [];
    public IReadOnlyList<Speaker> Speakers { get; private set; } = [];
    [BindProperty] public ProgrammeInput Input { get; set; } = new();
    /// <summary>The item the form changes; null when it adds one.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }
    /// <summary>The item the officer asked to remove, awaiting their confirmation: a run of show is not rebuilt from memory.</summary>
    [BindProperty(SupportsGet = true, Name = "remove")] public Guid? RemoveAsked { get; set; }
    public ProgrammeItem? Removing { get; private set; }
    /// <summary>The event's languages after its first: an item's title is written in each (cards, news drafts).</summary>
    public IReadOnlyList<string> OtherLanguages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (RemoveAsked is { } removeId && (Removing = Items.FirstOrDefault(p => p.Id == removeId)) is null)
        {
            return NotFound();
        }
        if (Edit is { } editId)
        {
            if (Items.FirstOrDefault(p => p.Id == editId) is not { } item)
            {
                return NotFound();
            }
            Input = new ProgrammeInput
            {
                StartsAt = item.StartsAtLocal?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                Title = item.Title,
                Speaker = item.Speaker,
                SpeakerContactId = item.SpeakerContactId,
                Place = item.Place,
                DurationMinutes = item.DurationMinutes,
                Titles = new(item.Titles),
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        try
        {
            if (Edit is { } editId)
            {
                var item = await Db.Scope.FindAsync(Db.ProgrammeItems.AsTracking().Where(p => p.Id == editId && p.EventId == id), "programme item", [MissionRole.Protocol]);
                await editing.UpdateItemAsync(Event, item, Input);
            }
            else
            {
                await editing.AddItemAsync(Event, Input);
            }
        }
        catch (DomainException e) when (e.IsForTheForm)
        {
            ModelState.AddDomainErrors(e);
            return Page();
        }
        TempData["Notice"] = Edit is null ? "Item added." : "Item saved.";
        return Redirect($"/staff/events/{id}/programme");
    }

    /// <summary>Moves an item to <paramref name="position"/> (0 first): the up/down buttons send the neighbour's place, a drag sends where it was dropped.</summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid item, int position) =>
        await editing.MoveItemAsync(id, item, position) ? Redirect($"/staff/events/{id}/programme#item-{item}") : NotFound();

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid item)
    {
        if (!await editing.RemoveItemAsync(id, item))
        {
            return NotFound();
        }
        TempData["Notice"] = "Item removed.";
        return Redirect($"/staff/events/{id}/programme");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (!await LoadEventAsync(id))
        {
            return false;
        }
        Items = await Db.ProgrammeItems.AsNoTracking().Where(p => p.EventId == id).OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync();
        var people = await Db.Guests.AsNoTracking().Where(g => g.EventId == id && g.Contact!.ErasedAt == null).Select(g => g.Contact!).ToListAsync();
        Speakers = [.. people.OrderBy(p => p.SortName, StringComparer.Ordinal).Select(p => new Speaker(p.Id, p.DisplayName))];
        var mission = await Db.Missions.AsNoTracking().FirstAsync(m => m.Id == Event.MissionId);
        OtherLanguages = [.. InvitationLanguages.Of(Event, mission).Skip(1)];
        return true;
    }
}
