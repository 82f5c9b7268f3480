using Chancery.Domain.Contacts;

namespace Chancery.Domain.Guests;

/// <summary>One line of the printed door list.</summary>
public sealed record DoorListRow(Guest Guest, string LatinName, string? OriginalName, string? Organization, string? Partner, int PlusOnes, int? Table)
{
    /// <summary>The letter the row files under: A–Z, or "#" for names that do not start with a letter.</summary>
    public string Initial => LatinName.Length > 0 && char.IsAsciiLetter(LatinName[0]) ? char.ToUpperInvariant(LatinName[0]).ToString() : "#";
}

/// <summary>
/// The door list: everyone expected (declined left out), alphabetically by last name in Latin letters, the
/// original script beside it, so door staff find "Beridze" whether the guest says it or shows an ID card.
/// </summary>
public static class DoorList
{
    public static List<DoorListRow> Build(IEnumerable<Guest> guests, IReadOnlyDictionary<Guid, int> tableOf) =>
        [.. guests.Where(g => g.Rsvp != RsvpAnswer.Declined && g.Contact is { ErasedAt: null })
            .Select(g => Row(g, tableOf.TryGetValue(g.Id, out var t) ? t : null))
            .OrderBy(r => Text.Fold(r.LatinName), StringComparer.Ordinal).ThenBy(r => r.Guest.Id)];

    private static DoorListRow Row(Guest g, int? table)
    {
        var c = g.Contact!;
        var original = string.Join(" ", new[] { c.FirstName, c.LastName }.Where(s => !string.IsNullOrWhiteSpace(s)));
        string latin;
        if (c.LatinName is { } given)
        {
            latin = given;
        }
        else
        {
            var surnameFirst = string.IsNullOrWhiteSpace(c.FirstName) ? c.LastName : $"{c.LastName}, {c.FirstName}";
            latin = IsLatin(surnameFirst) ? surnameFirst : Capitalize(AnyAscii.Transliteration.Transliterate(surnameFirst));
        }
        var showOriginal = !IsLatin(original);
        var partner = GuestCounts.HasPartner(g) ? c.SpouseDisplayName : null;
        return new DoorListRow(g, latin, showOriginal ? original : null, c.Organization?.Name, partner, g.PlusOnes, table);
    }

    // Latin letters with or without accents ("José Quispe Mamani") need no transliteration.
    private static bool IsLatin(string s) => s.All(ch => !char.IsLetter(ch) || ch <= '\u024F');

    private static string Capitalize(string s) =>
        string.Join(" ", s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
