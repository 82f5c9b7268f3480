using System.ComponentModel.DataAnnotations;

namespace Chancery.Domain.Contacts.Names;

/// <summary>Which of a person's names comes first when the whole name is written: "Rana al-Khatib", "刘敏" (Liu Min).</summary>
public enum NameOrder
{
    [Display(Name = "Given name first")]
    GivenFirst,
    [Display(Name = "Family name first")]
    FamilyFirst,
}

/// <summary>A person's name written whole, in their order, and the order a name takes when nobody has said.</summary>
public static class PersonName
{
    // Chinese, Japanese, Korean, Hungarian, Vietnamese and Khmer names put the family name first, in Latin letters too.
    private static readonly HashSet<string> FamilyFirstLanguages = new(StringComparer.OrdinalIgnoreCase) { "zh", "ja", "ko", "hu", "vi", "km" };

    /// <summary>
    /// From the script (Chinese, Japanese and Korean names are family-first whatever the invitation's language), else
    /// from the language (a Hungarian's "Orbán Viktor" in Latin letters), else given-first.
    /// </summary>
    public static NameOrder DefaultOrder(string? first, string? last, string? language)
    {
        if (Scripts.WrittenSolid(Scripts.OfName(first, last)))
        {
            return NameOrder.FamilyFirst;
        }
        return FamilyFirstLanguages.Contains(ContactRules.PrimaryLanguage(language)) ? NameOrder.FamilyFirst : NameOrder.GivenFirst;
    }

    /// <summary>Given and family name in the order given: "刘敏", "Liu Min", "Rana al-Khatib"; a single name alone.</summary>
    public static string Full(string? first, string? last, NameOrder order)
    {
        var (a, b) = order == NameOrder.FamilyFirst ? (last, first) : (first, last);
        if (string.IsNullOrWhiteSpace(a))
        {
            return b?.Trim() ?? "";
        }
        if (string.IsNullOrWhiteSpace(b))
        {
            return a.Trim();
        }
        var solid = Scripts.WrittenSolid(Scripts.OfName(a)) && Scripts.WrittenSolid(Scripts.OfName(b));
        return solid ? a.Trim() + b.Trim() : $"{a.Trim()} {b.Trim()}";
    }

    /// <summary>The name with the honorific before it: "Prof. 刘敏", "H.E. Ms. Rana al-Khatib".</summary>
    public static string WithHonorific(string? honorific, string? first, string? last, NameOrder order)
    {
        var name = Full(first, last, order);
        return string.IsNullOrWhiteSpace(honorific) ? name : name.Length == 0 ? honorific.Trim() : $"{honorific.Trim()} {name}";
    }
}
