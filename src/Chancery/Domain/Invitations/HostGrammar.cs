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

    public int Count => Genders.Count;
    public bool Plural => Count > 1;
    public Gender First => Genders[0];
    /// <summary>Whether every host is a woman: a mixed pair agrees in the masculine.</summary>
    public bool AllFemale => Genders.All(g => g == Gender.Female);
}
