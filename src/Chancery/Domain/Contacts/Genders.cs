namespace Chancery.Domain.Contacts;

/// <summary>
/// What an honorific tells of a person's grammatical gender, in the languages directories are written in. An
/// honorific that does not tell ("Dr.", "Prof.", "H.E." alone) gives null: the office records the gender on the person.
/// </summary>
public static class Genders
{
    // Keys folded (lower case, no dots or accents); an Excellency in front is skipped first ("H.E. Ms." is "Ms.").
    private static readonly Dictionary<string, Gender> Words = new (Gender Gender, string[] Words)[]
    {
        (Gender.Male, ["mr", "m", "monsieur", "sir", "lord", "sr", "señor", "don", "d", "herr", "signor", "г-н", "господин", "السيد", "السفير", "先生"]),
        (Gender.Female, ["mrs", "ms", "miss", "mme", "madame", "mlle", "lady", "dame", "sra", "señora", "srta", "dña", "doña", "frau", "signora",
            "г-жа", "госпожа", "السيدة", "السفيرة", "الآنسة", "女士", "夫人", "小姐"]),
    }.SelectMany(g => g.Words.Select(w => (Key: Text.Fold(w), g.Gender))).ToDictionary(x => x.Key, x => x.Gender, StringComparer.Ordinal);

    /// <summary>The gender the honorific's own words give; null when they give none or disagree.</summary>
    public static Gender? FromHonorific(string? honorific)
    {
        if (Invitations.InvitationWording.PersonalHonorific(honorific) is not { } rest)
        {
            return null;
        }
        Gender? found = null;
        foreach (var word in rest.Split([' ', '.', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Words.TryGetValue(Text.Fold(word), out var g))
            {
                if (found is { } other && other != g)
                {
                    return null;
                }
                found = g;
            }
        }
        return found;
    }
}
