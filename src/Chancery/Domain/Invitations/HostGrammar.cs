using Chancery.Domain.Contacts;

namespace Chancery.Domain.Invitations;

/// <summary>
/// Who gives an event, as the grammar of its card needs them: how many hosts, and each one's gender in order. The
/// mission's office speaking alone is one host, feminine where the language's word for it is (Ambassade, Embajada,
/// سفارة: docs/wording.md, "Arabic", rule d). A host whose gender is not known is taken as masculine, the grammars'
/// default, and <see cref="Unknown"/> says so, for the Invitations page to ask.
/// </summary>
public sealed record HostGrammar(IReadOnlyList<Gender> Genders, bool IsOffice = false, bool Unknown = false)
{
    public static readonly HostGrammar Office = new([Gender.Female], IsOffice: true);

    public static HostGrammar Of(IReadOnlyList<Contact> hosts) => hosts.Count == 0 ? Office
        : new([.. hosts.Select(h => h.GrammaticalGender ?? Gender.Male)], Unknown: hosts.Any(h => h.GrammaticalGender is null));

    /// <summary>
    /// The office by its name: feminine where its word is (سفارة, قنصلية, بعثة), masculine for an office (مكتب) or a
    /// delegation (وفد); only Arabic's verb shows it.
    /// </summary>
    public static HostGrammar OfOffice(string? name) =>
        name is not null && MasculineOffices.Any(w => name.TrimStart().StartsWith(w, StringComparison.Ordinal)) ? new([Gender.Male], IsOffice: true) : Office;

    private static readonly string[] MasculineOffices = ["مكتب", "المكتب", "وفد", "الوفد"];

    /// <summary>
    /// Hosts written only as words ("The Ambassador and Mrs X"), with nobody chosen from the directory: how many is read
    /// from the language's "and" (plural when it joins names), the genders are not known and the page says so.
    /// </summary>
    public static HostGrammar OfWords(string words, string language)
    {
        var joined = Events.InvitationLanguages.Primary(language) switch
        {
            "zh" => words.Contains('和', StringComparison.Ordinal) || words.Contains('及', StringComparison.Ordinal),
            "ar" => words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Any(w => w.StartsWith('و') && w.Length > 1 && !w.StartsWith("وزير", StringComparison.Ordinal)),
            var primary => words.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Any(w => w == InvitationTexts.For(primary).And),
        };
        return new(joined ? [Gender.Male, Gender.Male] : [Gender.Male], Unknown: true);
    }

    public int Count => Genders.Count;
    public bool Plural => Count > 1;
    public Gender First => Genders[0];
    /// <summary>Whether every host is a woman: a mixed pair agrees in the masculine.</summary>
    public bool AllFemale => Genders.All(g => g == Gender.Female);
}
