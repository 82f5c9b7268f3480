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
