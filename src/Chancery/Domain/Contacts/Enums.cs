using System.ComponentModel.DataAnnotations;

namespace Chancery.Domain.Contacts;

/// <summary>API.md's list; the import's OrganizationType column takes these names.</summary>
public enum OrganizationType
{
    Embassy,
    Consulate,
    InternationalOrganization,
    Government,
    Academia,
    Media,
    Business,
    Community,
    Other,
}

/// <summary>Vienna Convention Art. 14 classes, and chargés d'affaires ad interim (Art. 19). Empty for staff.</summary>
public enum HeadOfMissionClass
{
    Ambassador,
    [Display(Name = "Envoy or minister")]
    Envoy,
    [Display(Name = "Chargé d'affaires (en pied)")]
    ChargeDAffaires,
    [Display(Name = "Chargé d'affaires a.i.")]
    ChargeDAffairesAdInterim,
}

/// <summary>
/// A person's grammatical gender, for wording that agrees with them (a card they host: « qu'elle », تتشرف, the Russian
/// past tense). Recorded only where the honorific does not tell; see <see cref="Genders"/>.
/// </summary>
public enum Gender
{
    Female,
    Male,
}
