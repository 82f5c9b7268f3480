using Chancery.Domain.Contacts.Names;

namespace Chancery.Domain.Guests;

/// <summary>One line of the printed door list.</summary>
public sealed record DoorListRow(Guest Guest, LatinName Latin, string? OriginalName, string? Organization, string? Partner, int PlusOnes, int? Table, string? PartnerLatin = null)
{
    /// <summary>The line as filed: "al-Khatib, Rana".</summary>
    public string LatinName => Latin.Filed;

    /// <summary>The letter the row files under: A–Z, or "#" for names with no Latin reading yet.</summary>
    public string Initial => Latin.Initial;
}

/// <summary>
/// The door list: everyone expected (declined left out), alphabetically by family name in Latin letters (the
/// recorded Latin name, else the script's standard transliteration), the original script beside it, so door
/// staff find "Beridze" whether the guest says it or shows an ID card.
/// </summary>
public static class DoorList
{
    public static List<DoorListRow> Build(IEnumerable<Guest> guests, IReadOnlyDictionary<Guid, int> tableOf) =>
        [.. guests.Where(g => GuestCounts.MayCome(g) && g.Contact is { ErasedAt: null })
            .Select(g => Row(g, tableOf.TryGetValue(g.Id, out var t) ? t : null))
            .OrderBy(r => r.Initial == "#").ThenBy(r => r.Latin.SortKey, StringComparer.Ordinal).ThenBy(r => r.Guest.Id)];

    /// <summary>Guests whose Latin name is a machine's guess or missing: someone should look before the list is printed.</summary>
    public static List<DoorListRow> ToCheck(IEnumerable<DoorListRow> rows) => [.. rows.Where(r => r.Latin.ToCheck)];

    private static DoorListRow Row(Guest g, int? table)
    {
        var c = g.Contact!;
        var latin = c.Latin;
        var showOriginal = latin.Source != LatinSource.AsWritten && Scripts.OfName(c.FirstName, c.LastName) is not (Script.Latin or Script.None);
        var partner = GuestCounts.HasPartner(g) ? c.SpouseDisplayName : null;
        // Door staff read the partner's name too: in Latin letters first where it is in another script.
        var partnerLatin = partner is null || c.SpouseLatinLine is not { } line ? null : string.IsNullOrWhiteSpace(c.SpouseHonorific) ? line : $"{c.SpouseHonorific.Trim()} {line}";
        return new DoorListRow(g, latin, showOriginal ? c.FullName : null, c.Organization?.Name, partner, g.PlusOnes, table, partnerLatin);
    }
}
