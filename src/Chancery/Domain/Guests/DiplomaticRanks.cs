namespace Chancery.Domain.Guests;

/// <summary>The ranks of diplomatic staff, highest first (docs/events.md §4, item 6), read from free text.</summary>
public static class DiplomaticRanks
{
    // Longest names first, so "minister-counsellor" is not read as "minister".
    private static readonly (string Key, int Rank, string Name)[] Known =
    [
        ("ministercounsellor", 2, "Minister-Counsellor"),
        ("ministercounselor", 2, "Minister-Counsellor"),
        ("minister", 1, "Minister"),
        ("counsellor", 3, "Counsellor"),
        ("counselor", 3, "Counsellor"),
        ("firstsecretary", 4, "First Secretary"),
        ("secondsecretary", 5, "Second Secretary"),
        ("thirdsecretary", 6, "Third Secretary"),
        ("attache", 7, "Attaché"),
    ];

    /// <summary>1 (minister) to 7 (attaché), or null for text that names no diplomatic rank.</summary>
    public static int? Of(string? text)
    {
        var key = Contacts.ContactRules.Key(Contacts.Text.Fold(text));
        foreach (var (k, rank, _) in Known)
        {
            if (key.Contains(k, StringComparison.Ordinal))
            {
                return rank;
            }
        }
        return null;
    }
}
